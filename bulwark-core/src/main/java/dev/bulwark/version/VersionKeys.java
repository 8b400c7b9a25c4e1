package dev.bulwark.version;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Order-preserving byte keys of versions: for any two strings a and b of one scheme,
 * {@code Arrays.compareUnsigned(key(a), key(b))} has the sign of {@code scheme.compare(a, b)}, and
 * is 0 exactly when the scheme calls them equal ("1.0" and "1.0.0" in PEP 440; build metadata in
 * SemVer). SQLite compares BLOBs the same way (memcmp, then length), so a key can be compared in
 * SQL as well as in Java, without parsing a version.
 *
 * <p>Hand-written: the layout follows this project's comparators exactly; no library encodes npm
 * SemVer or PEP 440 order into bytes.
 *
 * <pre>
 * invalid version: 0x00, then each UTF-16 char as 2 bytes big-endian (String.compareTo's order)
 * valid version:   0x01, then the scheme's fields, each self-delimiting:
 *   number:   u8 n (bytes of the magnitude, 0 for zero; 0xFF then u16 n when n &gt;= 255), magnitude
 *   list:     per element 0x01 element, then 0x00 (a proper prefix sorts first)
 *   text:     the ASCII bytes (never 0x00), then 0x00
 * npm:   number major · number minor · number patch · (no prerelease: 0x02 | prerelease: list of
 *        identifiers, numeric 0x00 number, else 0x01 text)
 * PEP 440: number epoch · list of release numbers without trailing zeros · u8 rank (0 dev of the
 *        final release, 1 a, 2 b, 3 rc, 4 none) · [number pre if a/b/rc] · post (0x00 absent,
 *        0x01 number) · dev (0x00 number, 0x01 absent) · list of local segments (text 0x00 text,
 *        numeric 0x01 number)
 * </pre>
 */
final class VersionKeys {
  private VersionKeys() {}

  static byte[] npm(String version) {
    Optional<SemVer> p = SemVer.parse(version);
    if (p.isEmpty()) {
      return invalid(version);
    }
    SemVer v = p.get();
    Out out = new Out();
    out.u8(1);
    out.number(v.major());
    out.number(v.minor());
    out.number(v.patch());
    if (v.pre().isEmpty()) {
      out.u8(2);
    } else {
      for (String id : v.pre()) {
        out.u8(1);
        if (Ascii.allDigits(id)) {
          out.u8(0);
          out.number(Ascii.number(id));
        } else {
          out.u8(1);
          out.text(id);
        }
      }
      out.u8(0);
    }
    return out.bytes();
  }

  static byte[] pep440(String version) {
    Optional<Pep440Version> p = Pep440Version.parse(version);
    if (p.isEmpty()) {
      return invalid(version);
    }
    Pep440Version v = p.get();
    Out out = new Out();
    out.u8(1);
    out.number(v.epoch());
    List<BigInteger> release = v.release();
    int n = release.size();
    while (n > 0 && release.get(n - 1).signum() == 0) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      out.u8(1);
      out.number(release.get(i));
    }
    out.u8(0);
    int rank;
    if (!v.hasPre()) {
      rank = v.post().isEmpty() && v.dev().isPresent() ? 0 : 4;
    } else {
      rank = switch (v.preLabel()) {
        case "a" -> 1;
        case "b" -> 2;
        default -> 3;
      };
    }
    out.u8(rank);
    if (v.hasPre()) {
      out.number(v.preNumber());
    }
    if (v.post().isPresent()) {
      out.u8(1);
      out.number(v.post().get());
    } else {
      out.u8(0);
    }
    if (v.dev().isPresent()) {
      out.u8(0);
      out.number(v.dev().get());
    } else {
      out.u8(1);
    }
    for (String seg : v.local()) {
      out.u8(1);
      if (Ascii.allDigits(seg)) {
        out.u8(1);
        out.number(Ascii.number(seg));
      } else {
        out.u8(0);
        out.text(seg);
      }
    }
    out.u8(0);
    return out.bytes();
  }

  private static byte[] invalid(String s) {
    byte[] b = new byte[1 + 2 * s.length()];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b[1 + 2 * i] = (byte) (c >>> 8);
      b[2 + 2 * i] = (byte) c;
    }
    return b;
  }

  private static final class Out {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(24);

    void u8(int v) {
      buf.write(v);
    }

    void number(BigInteger x) {
      byte[] m = x.toByteArray();
      int from = 0;
      while (from < m.length && m[from] == 0) {
        from++; // the sign byte, and zero itself
      }
      int len = m.length - from;
      if (len < 0xFF) {
        buf.write(len);
      } else {
        buf.write(0xFF);
        buf.write(len >>> 8);
        buf.write(len);
      }
      buf.write(m, from, len);
    }

    /** ASCII text with no 0x00 (the parsers admit only [0-9A-Za-z-]), then the terminator. */
    void text(String s) {
      for (int i = 0; i < s.length(); i++) {
        buf.write(s.charAt(i));
      }
      buf.write(0);
    }

    byte[] bytes() {
      return buf.toByteArray();
    }
  }
}
