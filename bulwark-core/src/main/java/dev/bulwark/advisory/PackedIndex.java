package dev.bulwark.advisory;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
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
    ByteBuffer in = ByteBuffer.wrap(packed);
    try {
      if (in.get() != FORMAT) {
        throw new AdvisoryException(what + ": packed index row of an unknown format");
      }
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / MIN_ENTRY) {
        throw new IllegalArgumentException("bad count");
      }
      List<MatchCodec.Reader> out = new ArrayList<>(n);
      byte[] key = probe.exact();
      for (int i = 0; i < n; i++) {
        int idLen = length(in);
        int idOff = skip(in, idLen);
        int loLen = length(in);
        int loOff = skip(in, loLen);
        int hiLen = length(in);
        int hiOff = skip(in, hiLen);
        int rowLen = length(in);
        int rowOff = skip(in, rowLen);
        // As the SQL of schema 3 asked: lo <= key AND hi >= key, BLOBs compared as bytes.
        if (!probe.unpinned()
            && (Arrays.compareUnsigned(packed, loOff, loOff + loLen, key, 0, key.length) > 0
                || Arrays.compareUnsigned(packed, hiOff, hiOff + hiLen, key, 0, key.length) < 0)) {
          continue;
        }
        out.add(MatchCodec.Reader.inPacked(packed, idOff, idLen, rowOff, rowLen));
      }
      return out;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new AdvisoryException(what + ": packed index row unreadable", e);
    }
  }

  private static int length(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad length");
    }
    return n;
  }

  /** Skips n bytes (checked by {@link #length}) and returns where they start. */
  private static int skip(ByteBuffer in, int n) {
    int at = in.position();
    in.position(at + n);
    return at;
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
