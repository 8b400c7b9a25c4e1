package dev.bulwark.advisory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lookup index of schema version 4: one {@code packages} row per (ecosystem, name) whose value
 * packs the rows of every advisory of that name, in advisory id order, each with its key envelope
 * and its {@link MatchCodec} form. An audit reads one row per dependency instead of one per
 * advisory (the per-row cost of SQLite and JDBC was most of a dense audit's lookup time, docs/eval.md),
 * skips the advisories whose envelope does not hold a pinned version by comparing bytes, and
 * decodes the rest of an advisory only when it matches.
 *
 * <p>The packed rows are derived data: {@link #rebuild} computes them from the {@code affected}
 * table (which keeps one row per advisory, so that {@code db update} can copy the advisories of
 * one source and a newer record replaces an older one) after an import and in the upgrade from
 * older versions.
 *
 * <p>Hand-written: the layout is specific to this store (see {@link MatchCodec}).
 *
 * <pre>
 * u8 format (1) · n advisories · per advisory: str id · key lo · key hi · bytes row
 * (n: u32 count; str, key, bytes: u32 length + bytes; lo/hi as {@link MatchCodec#envelope})
 * </pre>
 */
final class PackedIndex {
  private static final int FORMAT = 1;
  /** The fewest bytes one packed advisory takes: four lengths. */
  private static final int MIN_ENTRY = 16;

  private PackedIndex() {}

  /**
   * The rows of one name whose envelope can hold the probed version (all of them for an unpinned
   * probe), in stored order, as readers over {@code packed} itself (nothing is copied).
   */
  static List<MatchCodec.Reader> candidates(byte[] packed, MatchCodec.Probe probe, String what)
      throws AdvisoryException {
    // Read through an index, not a ByteBuffer: under the quick JIT a buffer's bounds and
    // byte-order calls cost more than the comparisons (docs/eval.md, issue 13, fifth pass).
    try {
      if (packed.length < 5) {
        throw new IllegalArgumentException("truncated");
      }
      if (packed[0] != FORMAT) {
        throw new AdvisoryException(what + ": packed index row of an unknown format");
      }
      int n = i32(packed, 1);
      int pos = 5;
      if (n < 0 || n > (packed.length - pos) / MIN_ENTRY) {
        throw new IllegalArgumentException("bad count");
      }
      List<MatchCodec.Reader> out = new ArrayList<>(n);
      byte[] key = probe.exact();
      boolean pinned = !probe.unpinned();
      for (int i = 0; i < n; i++) {
        int idLen = length(packed, pos);
        int idOff = pos + 4;
        pos = idOff + idLen;
        int loLen = length(packed, pos);
        int loOff = pos + 4;
        pos = loOff + loLen;
        int hiLen = length(packed, pos);
        int hiOff = pos + 4;
        pos = hiOff + hiLen;
        int rowLen = length(packed, pos);
        int rowOff = pos + 4;
        pos = rowOff + rowLen;
        // As the SQL of schema 3 asked: lo <= key AND hi >= key, BLOBs compared as bytes.
        if (pinned
            && (Arrays.compareUnsigned(packed, loOff, loOff + loLen, key, 0, key.length) > 0
                || Arrays.compareUnsigned(packed, hiOff, hiOff + hiLen, key, 0, key.length) < 0)) {
          continue;
        }
        out.add(MatchCodec.Reader.inPacked(packed, idOff, idLen, rowOff, rowLen));
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new AdvisoryException(what + ": packed index row unreadable", e);
    }
  }

  /** The length at {@code at} (4 bytes, big-endian), checked against the bytes after it. */
  private static int length(byte[] b, int at) {
    if (b.length - at < 4) {
      throw new IllegalArgumentException("truncated");
    }
    int n = i32(b, at);
    if (n < 0 || n > b.length - at - 4) {
      throw new IllegalArgumentException("bad length");
    }
    return n;
  }

  private static int i32(byte[] b, int at) {
    return (b[at] << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  /** Builds the packed value of one name, one advisory row at a time, in the order given. */
  static final class Builder {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 14);
    private int count;

    void add(byte[] idUtf8, byte[] lo, byte[] hi, byte[] row) {
      bytes(idUtf8);
      bytes(lo);
      bytes(hi);
      bytes(row);
      count++;
    }

    boolean isEmpty() {
      return count == 0;
    }

    byte[] build() {
      byte[] body = buf.toByteArray();
      byte[] out = new byte[5 + body.length];
      out[0] = FORMAT;
      ByteBuffer.wrap(out, 1, 4).putInt(count);
      System.arraycopy(body, 0, out, 5, body.length);
      return out;
    }

    void reset() {
      buf.reset();
      count = 0;
    }

    private void bytes(byte[] b) {
      buf.write(b.length >>> 24);
      buf.write(b.length >>> 16);
      buf.write(b.length >>> 8);
      buf.write(b.length);
      buf.write(b, 0, b.length);
    }
  }

  /**
   * Replaces the {@code packages} table with the packed rows of every (ecosystem, name) of the
   * {@code affected} table, in the caller's transaction. The rows are read in primary key order
   * (ecosystem, name, advisory id), so each name's rows are adjacent and keep the order the
   * per-advisory lookup of schema 3 returned them in.
   */
  static int rebuild(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS packages");
      st.execute(Schema.PACKAGES);
    }
    String select = "SELECT ecosystem, name, advisory_id, lo, hi, match FROM affected"
        + " ORDER BY ecosystem, name, advisory_id";
    int names = 0;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(select);
        PreparedStatement ins = c.prepareStatement(Schema.INSERT_PACKAGE)) {
      Builder b = new Builder();
      String eco = "";
      String name = "";
      int pending = 0;
      while (rs.next()) {
        String e = rs.getString(1);
        String n = rs.getString(2);
        if (!b.isEmpty() && (!e.equals(eco) || !n.equals(name))) {
          pending += insert(ins, eco, name, b);
          names++;
        }
        eco = e;
        name = n;
        // The id as SQLite's UTF-8 bytes, as the lookup decodes it.
        b.add(rs.getBytes(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6));
        if (pending >= 500) {
          ins.executeBatch();
          pending = 0;
        }
      }
      if (!b.isEmpty()) {
        insert(ins, eco, name, b);
        names++;
      }
      ins.executeBatch();
    }
    return names;
  }

  private static int insert(PreparedStatement ins, String eco, String name, Builder b) throws SQLException {
    ins.setString(1, eco);
    ins.setString(2, name);
    ins.setBytes(3, b.build());
    ins.addBatch();
    b.reset();
    return 1;
  }
}
