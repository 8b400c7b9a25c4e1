package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import dev.bulwark.version.Interval;
import dev.bulwark.version.VersionScheme;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The compact match form stored beside each (ecosystem, name, advisory) row of the lookup index
 * (schema version 2): first what deciding "is this version affected" needs (the affected
 * intervals, computed once at import, and the listed versions), then what a match reports (fixed
 * versions, ids, severity, summary, references). A lookup reads the first part of every candidate
 * and the second part only of the candidates that match; no JSON and no inflating.
 *
 * <p>Hand-written: the layout is specific to this store; a general serialisation library would
 * bring back the per-record parsing cost this form exists to avoid.
 *
 * <pre>
 * u8 format (1) · u8 withdrawn · n entries · per entry: u8 allVersions · strings versions ·
 *   n ranges · per range: u8 semver · n intervals · per interval: str lower · u8 lowerInc ·
 *   str upper · u8 upperInc  ‖  per entry: strings fixed · str kind · str severity ·
 *   u8 hasScore · f64 score · str summary · strings aliases · strings related · strings refs
 * (n: u32 count; str: u32 length + UTF-8; strings: u32 count + str each)
 * </pre>
 */
final class MatchCodec {
  private static final int FORMAT = 1;

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
    List<Entry> entries = new ArrayList<>();
    for (OsvAffected a : adv.blob().affected()) {
      if (a.ecosystem() == ecosystem && a.name().equals(name)) {
        entries.add(Entry.of(a, VersionScheme::of));
      }
    }
    Out out = new Out();
    out.u8(FORMAT);
    out.u8(adv.withdrawn() ? 1 : 0);
    out.count(entries.size());
    for (Entry e : entries) {
      out.u8(e.allVersions() ? 1 : 0);
      out.strings(e.versions());
      out.count(e.ranges().size());
      for (Range r : e.ranges()) {
        out.u8(r.semver() ? 1 : 0);
        out.count(r.intervals().size());
        for (Interval i : r.intervals()) {
          out.str(i.lower());
          out.u8(i.lowerInclusive() ? 1 : 0);
          out.str(i.upper());
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

  /** A stored row being read: the entries first, the rest on demand. */
  static final class Reader {
    private final String id;
    private final ByteBuffer in;
    private final boolean withdrawn;
    private final List<Entry> entries;

    Reader(String id, byte[] data) throws AdvisoryException {
      this.id = id;
      this.in = ByteBuffer.wrap(data);
      try {
        if (in.get() != FORMAT) {
          throw new AdvisoryException("advisory " + id + ": stored match data of an unknown format");
        }
        withdrawn = in.get() != 0;
        int n = count();
        List<Entry> es = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          boolean all = in.get() != 0;
          List<String> versions = strings();
          int nr = count();
          List<Range> ranges = new ArrayList<>(nr);
          for (int r = 0; r < nr; r++) {
            boolean semver = in.get() != 0;
            int ni = count();
            List<Interval> intervals = new ArrayList<>(ni);
            for (int i = 0; i < ni; i++) {
              intervals.add(new Interval(str(), in.get() != 0, str(), in.get() != 0));
            }
            ranges.add(new Range(semver, intervals));
          }
          es.add(new Entry(all, versions, ranges, List.of()));
        }
        entries = es;
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw truncated(e);
      }
    }

    boolean withdrawn() {
      return withdrawn;
    }

    /** The entries, without their fixed versions (see {@link #rest}). */
    List<Entry> entries() {
      return entries;
    }

    /** The rest of the row: per-entry fixed versions and the advisory as a match reports it. */
    Rest rest() throws AdvisoryException {
      try {
        List<List<String>> fixed = new ArrayList<>(entries.size());
        for (int k = 0; k < entries.size(); k++) {
          fixed.add(strings());
        }
        AdvisoryKind kind = AdvisoryKind.parse(str()).orElse(AdvisoryKind.VULNERABILITY);
        Severity severity = Severity.parse(str()).orElse(Severity.UNKNOWN);
        boolean hasScore = in.get() != 0;
        double score = in.getDouble();
        String summary = str();
        List<String> aliases = strings();
        List<String> related = strings();
        List<String> refs = strings();
        StoredAdvisory adv = new StoredAdvisory(id, kind, severity,
            hasScore ? OptionalDouble.of(score) : OptionalDouble.empty(), summary, aliases, related,
            withdrawn, new BlobCodec.Blob(List.of(), refs));
        return new Rest(adv, fixed);
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        throw truncated(e);
      }
    }

    private AdvisoryException truncated(RuntimeException e) {
      return new AdvisoryException("advisory " + id + ": stored match data unreadable", e);
    }

    private int count() {
      int n = in.getInt();
      if (n < 0 || n > in.remaining()) {
        throw new IllegalArgumentException("bad count");
      }
      return n;
    }

    private String str() {
      int n = in.getInt();
      if (n < 0 || n > in.remaining()) {
        throw new IllegalArgumentException("bad length");
      }
      String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
      in.position(in.position() + n);
      return s;
    }

    private List<String> strings() {
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / 4) {
        throw new IllegalArgumentException("bad count");
      }
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(str());
      }
      return out;
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
