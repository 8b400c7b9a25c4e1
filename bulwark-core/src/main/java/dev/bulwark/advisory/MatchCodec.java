package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import dev.bulwark.version.Interval;
import dev.bulwark.version.VersionScheme;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The compact match form of one advisory for one package name, stored in each (ecosystem, name,
 * advisory) row of the {@code affected} table and, packed with the other advisories of the name,
 * in the one {@code packages} row of the name that lookups read ({@link PackedIndex}, schema
 * version 4): first what deciding "is this version affected" needs (the affected
 * intervals, computed once at import, and the listed versions), with every version as an
 * order-preserving byte key ({@link VersionScheme#key}), then what a match reports (fixed versions,
 * ids, severity, summary, references). A lookup compares the first part of a candidate as bytes,
 * without parsing a version or building an object, and reads the second part only of the
 * candidates that match; no JSON and no inflating. {@link #envelope} gives the lowest and highest
 * key a row can match, which the packed index stores beside it so that a pinned lookup skips rows
 * that cannot contain the version without reading them.
 *
 * <p>Hand-written: the layout is specific to this store; a general serialisation library would
 * bring back the per-record parsing cost this form exists to avoid.
 *
 * <pre>
 * u8 format (2) · u8 withdrawn · n entries · per entry: u8 allVersions · n versions · per
 *   version: key · str version · n ranges · per range: u8 semver · n intervals · per interval:
 *   key lower · u8 lowerInc · key upper · u8 upperInc   ‖  per entry: strings fixed · str kind ·
 *   str severity · u8 hasScore · f64 score · str summary · strings aliases · strings related ·
 *   strings refs
 * (n: u32 count; str: u32 length + UTF-8; key: u32 length + key bytes, empty for an unbounded
 *  side; strings: u32 count + str each)
 * </pre>
 */
final class MatchCodec {
  private static final int FORMAT = 2;
  private static final Severity[] SEVERITIES = Severity.values();
  private static final AdvisoryKind[] KINDS = AdvisoryKind.values();
  /** The stored names of {@link #KINDS} ({@code jsonName} builds a new string per call). */
  private static final String[] KIND_NAMES = Arrays.stream(KINDS).map(AdvisoryKind::jsonName)
      .toArray(String[]::new);
  /** Below and above every key: the envelope of a row that any version may match. */
  static final byte[] BOTTOM = new byte[0];
  static final byte[] TOP = {(byte) 0xFF};

  private MatchCodec() {}

  /** One range's affected intervals and whether they compare with npm SemVer (SEMVER ranges). */
  record Range(boolean semver, List<Interval> intervals) {
    Range {
      intervals = List.copyOf(intervals);
    }
  }

  /** One affected entry in the form matching evaluates. */
  record Entry(boolean allVersions, List<String> versions, List<Range> ranges, List<String> fixed) {
    Entry {
      versions = List.copyOf(versions);
      ranges = List.copyOf(ranges);
      fixed = List.copyOf(fixed);
    }

    /** Evaluates the OSV events of an affected entry into intervals, as the matcher compares them. */
    static Entry of(OsvAffected a, Function<Ecosystem, VersionScheme> schemes) {
      List<Range> ranges = new ArrayList<>(a.ranges().size());
      List<String> fixed = new ArrayList<>();
      for (OsvRange r : a.ranges()) {
        boolean semver = r.type().equals(OsvRange.SEMVER);
        VersionScheme s = schemes.apply(semver ? Ecosystem.NPM : a.ecosystem());
        ranges.add(new Range(semver, RangeEvaluator.intervals(r, s)));
        fixed.addAll(RangeEvaluator.fixedVersions(r));
      }
      return new Entry(a.allVersions(), a.versions(), ranges, fixed);
    }
  }

  /** The affected entries of one advisory for one package name, the stored form of the index row. */
  static byte[] encode(StoredAdvisory adv, Ecosystem ecosystem, String name) {
    return encode(adv, ecosystem, entries(adv, ecosystem, name));
  }

  /** As above, with the entries of {@link #entries} computed once for this and {@link #envelope}. */
  static byte[] encode(StoredAdvisory adv, Ecosystem ecosystem, List<Entry> entries) {
    VersionScheme eco = VersionScheme.of(ecosystem);
    VersionScheme npm = VersionScheme.of(Ecosystem.NPM);
    Out out = new Out();
    out.u8(FORMAT);
    out.u8(adv.withdrawn() ? 1 : 0);
    out.count(entries.size());
    for (Entry e : entries) {
      out.u8(e.allVersions() ? 1 : 0);
      out.count(e.versions().size());
      for (String v : e.versions()) {
        out.key(eco.key(v));
        out.str(v);
      }
      out.count(e.ranges().size());
      for (Range r : e.ranges()) {
        VersionScheme s = r.semver() ? npm : eco;
        out.u8(r.semver() ? 1 : 0);
        out.count(r.intervals().size());
        for (Interval i : r.intervals()) {
          out.key(i.lower().isEmpty() ? BOTTOM : s.key(i.lower()));
          out.u8(i.lowerInclusive() ? 1 : 0);
          out.key(i.upper().isEmpty() ? BOTTOM : s.key(i.upper()));
          out.u8(i.upperInclusive() ? 1 : 0);
        }
      }
    }
    for (Entry e : entries) {
      out.strings(e.fixed());
    }
    out.str(adv.kind().jsonName());
    out.str(adv.severity().name());
    out.u8(adv.score().isPresent() ? 1 : 0);
    out.f64(adv.score().orElse(0));
    out.str(adv.summary());
    out.strings(adv.aliases());
    out.strings(adv.related());
    out.strings(adv.blob().references());
    return out.bytes();
  }

  /** The affected entries of the advisory for one package name, evaluated into intervals. */
  static List<Entry> entries(StoredAdvisory adv, Ecosystem ecosystem, String name) {
    List<Entry> entries = new ArrayList<>();
    for (OsvAffected a : adv.blob().affected()) {
      if (a.ecosystem() == ecosystem && a.name().equals(name)) {
        entries.add(Entry.of(a, VersionScheme::of));
      }
    }
    return entries;
  }

  /**
   * The lowest and highest key (under the ecosystem's scheme) of a version the row can affect,
   * bounds included whatever their inclusiveness: a pinned version whose key lies outside cannot
   * match, so the lookup leaves the row in the database. {@link #BOTTOM}/{@link #TOP} for an
   * unbounded side, and for rows compared under another scheme (SEMVER ranges of a non-npm
   * package); {TOP, BOTTOM} (no version) for a row with nothing affected.
   */
  static byte[][] envelope(StoredAdvisory adv, Ecosystem ecosystem, String name) {
    return envelope(ecosystem, entries(adv, ecosystem, name));
  }

  /** As above, from entries computed once ({@link #entries}). */
  static byte[][] envelope(Ecosystem ecosystem, List<Entry> entries) {
    VersionScheme eco = VersionScheme.of(ecosystem);
    byte[] lo = TOP;
    byte[] hi = BOTTOM;
    for (Entry e : entries) {
      if (e.allVersions()) {
        return new byte[][] {BOTTOM, TOP};
      }
      for (String v : e.versions()) {
        byte[] k = eco.key(v);
        lo = min(lo, k);
        hi = max(hi, k);
      }
      for (Range r : e.ranges()) {
        if (r.semver() && ecosystem != Ecosystem.NPM) {
          return new byte[][] {BOTTOM, TOP};
        }
        for (Interval i : r.intervals()) {
          lo = min(lo, i.lower().isEmpty() ? BOTTOM : eco.key(i.lower()));
          hi = max(hi, i.upper().isEmpty() ? TOP : eco.key(i.upper()));
        }
      }
    }
    return new byte[][] {lo, hi};
  }

  private static byte[] min(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
  }

  private static byte[] max(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
  }

  /**
   * What a dependency allows, as keys: computed once per dependency, then compared with the
   * stored keys of every candidate row. {@code exact} and {@code exactNpm} are the keys of a pinned
   * version under the ecosystem's scheme and under npm SemVer (for SEMVER ranges);
   * {@code allowed}/{@code allowedNpm} are the intervals of an unpinned range (lower, upper key
   * pairs with inclusiveness), and {@code allows} decides a listed version of an unpinned range.
   */
  record Probe(boolean unpinned, byte[] exact, byte[] exactNpm, List<KeyInterval> allowed,
      List<KeyInterval> allowedNpm, Predicate<String> allows) {
    Probe {
      allowed = List.copyOf(allowed);
      allowedNpm = List.copyOf(allowedNpm);
    }

    static Probe exact(String version, VersionScheme eco, VersionScheme npm) {
      byte[] key = eco.key(version);
      return new Probe(false, key, eco == npm ? key : npm.key(version), List.of(), List.of(), v -> false);
    }

    static Probe unpinned(List<Interval> intervals, VersionScheme eco, VersionScheme npm,
        Predicate<String> allows) {
      return new Probe(true, BOTTOM, BOTTOM, KeyInterval.of(intervals, eco),
          KeyInterval.of(intervals, npm), allows);
    }
  }

  /** An interval of keys; an empty key is unbounded on its side. */
  record KeyInterval(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
    static List<KeyInterval> of(List<Interval> intervals, VersionScheme s) {
      List<KeyInterval> out = new ArrayList<>(intervals.size());
      for (Interval i : intervals) {
        out.add(new KeyInterval(i.lower().isEmpty() ? BOTTOM : s.key(i.lower()), i.lowerInclusive(),
            i.upper().isEmpty() ? BOTTOM : s.key(i.upper()), i.upperInclusive()));
      }
      return out;
    }
  }

  /**
   * A stored row being read: the entries are evaluated against a probe, the rest read on demand.
   * Reads the array through an index rather than a {@code ByteBuffer}: under the quick JIT the
   * audit runs with, a buffer's bounds and byte-order calls were a fifth of a dense audit step.
   */
  static final class Reader {
    private static final byte[] NO_ID = new byte[0];
    /** The advisory id as read, or empty while it is still UTF-8 bytes (idUtf8[idOff, +idLen)). */
    private String id;
    private final byte[] idUtf8;
    private final int idOff;
    private final int idLen;
    private final byte[] data;
    /** The next byte to read, an absolute index into data, and the end of the row. */
    private int pos;
    private final int end;
    private final boolean withdrawn;
    private final int entryCount;

    Reader(String id, byte[] data) throws AdvisoryException {
      this(id, NO_ID, 0, 0, data, 0, data.length);
    }

    /**
     * A row whose advisory id is still UTF-8 bytes: it is decoded only when the row matches (or
     * is unreadable), since most candidate rows are read only to be compared.
     */
    static Reader ofEncodedId(byte[] idUtf8, byte[] data) throws AdvisoryException {
      byte[] id = idUtf8 == null ? NO_ID : idUtf8;
      return new Reader("", id, 0, id.length, data, 0, data.length);
    }

    /**
     * A row inside a larger array (a {@link PackedIndex} value): the id is the UTF-8 bytes at
     * [idOff, idOff + idLen) and the row the bytes at [off, off + len), both in {@code data}. The
     * caller has checked that both ranges lie inside the array.
     */
    static Reader inPacked(byte[] data, int idOff, int idLen, int off, int len) throws AdvisoryException {
      return new Reader("", data, idOff, idLen, data, off, len);
    }

    private Reader(String id, byte[] idUtf8, int idOff, int idLen, byte[] data, int off, int len)
        throws AdvisoryException {
      this.id = id;
      this.idUtf8 = idUtf8;
      this.idOff = idOff;
      this.idLen = idLen;
      this.data = data;
      this.pos = off;
      this.end = off + len;
      try {
        if (u8() != FORMAT) {
          throw new AdvisoryException("advisory " + id() + ": stored match data of an unknown format");
        }
        withdrawn = u8() != 0;
        entryCount = count();
      } catch (IllegalArgumentException e) {
        throw truncated(e);
      }
    }

    boolean withdrawn() {
      return withdrawn;
    }

    /**
     * Which entries affect the probed dependency, compared as bytes; null when none does (the
     * common case allocates nothing). Reads the entries part, so call it once, before {@link #rest}.
     */
    boolean[] affecting(Probe p) throws AdvisoryException {
      boolean[] out = null;
      try {
        for (int k = 0; k < entryCount; k++) {
          if (entryAffects(p)) {
            if (out == null) {
              out = new boolean[entryCount];
            }
            out[k] = true;
          }
        }
      } catch (IllegalArgumentException e) {
        throw truncated(e);
      }
      return out;
    }

    /** Reads one entry to its end (so the next one follows) and says whether it affects. */
    private boolean entryAffects(Probe p) {
      boolean hit = u8() != 0; // allVersions
      int nv = count();
      for (int i = 0; i < nv; i++) {
        int kLen = length();
        int kOff = skip(kLen);
        int sLen = length();
        int sOff = skip(sLen);
        if (!hit) {
          if (!p.unpinned()) {
            hit = Arrays.equals(data, kOff, kOff + kLen, p.exact(), 0, p.exact().length);
          } else {
            hit = p.allows().test(new String(data, sOff, sLen, StandardCharsets.UTF_8));
          }
        }
      }
      int nr = count();
      for (int r = 0; r < nr; r++) {
        boolean semver = u8() != 0;
        int ni = count();
        for (int i = 0; i < ni; i++) {
          int loLen = length();
          int loOff = skip(loLen);
          boolean loInc = u8() != 0;
          int hiLen = length();
          int hiOff = skip(hiLen);
          boolean hiInc = u8() != 0;
          if (hit) {
            continue;
          }
          if (!p.unpinned()) {
            byte[] v = semver ? p.exactNpm() : p.exact();
            hit = (loLen == 0 || above(v, loOff, loLen, loInc)) && (hiLen == 0 || below(v, hiOff, hiLen, hiInc));
          } else {
            for (KeyInterval w : semver ? p.allowedNpm() : p.allowed()) {
              // Overlap: each interval's lower bound lies below the other's upper bound.
              if (lowerBelowUpper(data, loOff, loLen, loInc, w.upper(), 0, w.upper().length, w.upperInclusive())
                  && lowerBelowUpper(w.lower(), 0, w.lower().length, w.lowerInclusive(), data, hiOff, hiLen, hiInc)) {
                hit = true;
                break;
              }
            }
          }
        }
      }
      return hit;
    }

    /** v above the stored lower bound at off (or equal, when inclusive). */
    private boolean above(byte[] v, int off, int len, boolean inclusive) {
      int c = Arrays.compareUnsigned(v, 0, v.length, data, off, off + len);
      return c > 0 || (c == 0 && inclusive);
    }

    /** v below the stored upper bound at off (or equal, when inclusive). */
    private boolean below(byte[] v, int off, int len, boolean inclusive) {
      int c = Arrays.compareUnsigned(v, 0, v.length, data, off, off + len);
      return c < 0 || (c == 0 && inclusive);
    }

    /** As Interval's overlap test: an unbounded side is below everything; equal bounds need both included. */
    private static boolean lowerBelowUpper(byte[] lo, int loOff, int loLen, boolean loInc,
        byte[] hi, int hiOff, int hiLen, boolean hiInc) {
      if (loLen == 0 || hiLen == 0) {
        return true;
      }
      int c = Arrays.compareUnsigned(lo, loOff, loOff + loLen, hi, hiOff, hiOff + hiLen);
      return c < 0 || (c == 0 && loInc && hiInc);
    }

    /** The rest of the row, after {@link #affecting}: per-entry fixed versions and the advisory. */
    Rest rest() throws AdvisoryException {
      try {
        List<List<String>> fixed = new ArrayList<>(entryCount);
        for (int k = 0; k < entryCount; k++) {
          fixed.add(strings());
        }
        AdvisoryKind kind = kind();
        Severity severity = severity();
        boolean hasScore = u8() != 0;
        double score = Double.longBitsToDouble(((long) i32() << 32) | (i32() & 0xFFFFFFFFL));
        String summary = str();
        List<String> aliases = strings();
        List<String> related = strings();
        List<String> refs = strings();
        StoredAdvisory adv = new StoredAdvisory(id(), kind, severity,
            hasScore ? OptionalDouble.of(score) : OptionalDouble.empty(), summary, aliases, related,
            withdrawn, new BlobCodec.Blob(List.of(), refs));
        return new Rest(adv, fixed);
      } catch (IllegalArgumentException e) {
        throw truncated(e);
      }
    }

    /** The kind as {@code AdvisoryKind.parse} reads it, without a string for the common names. */
    private AdvisoryKind kind() {
      int n = length();
      int at = skip(n);
      for (int i = 0; i < KINDS.length; i++) {
        if (asciiIs(at, n, KIND_NAMES[i])) {
          return KINDS[i];
        }
      }
      return AdvisoryKind.parse(new String(data, at, n, StandardCharsets.UTF_8)).orElse(AdvisoryKind.VULNERABILITY);
    }

    /** The severity as {@code Severity.parse} reads it, without a string for the stored names. */
    private Severity severity() {
      int n = length();
      int at = skip(n);
      for (Severity s : SEVERITIES) {
        if (asciiIs(at, n, s.name())) {
          return s;
        }
      }
      return Severity.parse(new String(data, at, n, StandardCharsets.UTF_8)).orElse(Severity.UNKNOWN);
    }

    private boolean asciiIs(int at, int n, String s) {
      if (n != s.length()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (data[at + i] != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private AdvisoryException truncated(RuntimeException e) {
      return new AdvisoryException("advisory " + id() + ": stored match data unreadable", e);
    }

    String id() {
      if (id.isEmpty() && idLen > 0) {
        id = new String(idUtf8, idOff, idLen, StandardCharsets.UTF_8);
      }
      return id;
    }

    private int u8() {
      if (pos >= end) {
        throw new IllegalArgumentException("truncated");
      }
      return data[pos++] & 0xFF;
    }

    private int i32() {
      if (end - pos < 4) {
        throw new IllegalArgumentException("truncated");
      }
      int p = pos;
      pos = p + 4;
      return (data[p] << 24) | ((data[p + 1] & 0xFF) << 16) | ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
    }

    private int count() {
      return length();
    }

    private int length() {
      int n = i32();
      if (n < 0 || n > end - pos) {
        throw new IllegalArgumentException("bad length");
      }
      return n;
    }

    /** Skips n bytes (checked by {@link #length}) and returns where they start. */
    private int skip(int n) {
      int at = pos;
      pos = at + n;
      return at;
    }

    private String str() {
      int n = length();
      return new String(data, skip(n), n, StandardCharsets.UTF_8);
    }

    private List<String> strings() {
      int n = i32();
      if (n < 0 || n > (end - pos) / 4) {
        throw new IllegalArgumentException("bad count");
      }
      if (n == 0) {
        return List.of();
      }
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = str();
      }
      return List.of(out);
    }
  }

  /** The advisory of a matching row and the fixed versions of each of its entries. */
  record Rest(StoredAdvisory advisory, List<List<String>> fixed) {}

  private static final class Out {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

    void u8(int v) {
      buf.write(v);
    }

    void count(int v) {
      i32(v);
    }

    void i32(int v) {
      buf.write(v >>> 24);
      buf.write(v >>> 16);
      buf.write(v >>> 8);
      buf.write(v);
    }

    void f64(double d) {
      long v = Double.doubleToLongBits(d);
      i32((int) (v >>> 32));
      i32((int) v);
    }

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      buf.write(b, 0, b.length);
    }

    void key(byte[] k) {
      i32(k.length);
      buf.write(k, 0, k.length);
    }

    void strings(List<String> xs) {
      i32(xs.size());
      for (String s : xs) {
        str(s);
      }
    }

    byte[] bytes() {
      return buf.toByteArray();
    }
  }
}
