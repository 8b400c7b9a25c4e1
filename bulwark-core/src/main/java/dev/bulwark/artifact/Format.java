package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/** Container formats, told apart by magic bytes (never by file name alone). */
enum Format {
  ZIP,
  GZIP,
  BZIP2,
  XZ,
  TAR,
  NONE;

  /** Enough bytes to tell every format apart (a tar header is 512 bytes). */
  static final int HEAD = 512;

  boolean compressor() {
    return this == GZIP || this == BZIP2 || this == XZ;
  }

  static Format sniff(byte[] b, int len) {
    if (len >= 4 && b[0] == 'P' && b[1] == 'K'
        && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8))) {
      return ZIP;
    }
    if (len >= 3 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b && b[2] == 8) {
      return GZIP;
    }
    if (len >= 4 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9') {
      return BZIP2;
    }
    if (len >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X'
        && b[4] == 'Z' && b[5] == 0) {
      return XZ;
    }
    return isTar(b, len) ? TAR : NONE;
  }

  static Format sniff(byte[] b) {
    return sniff(b, b.length);
  }

  private static boolean isTar(byte[] b, int len) {
    if (len < HEAD) {
      return false;
    }
    if (TarArchiveInputStream.matches(b, len)) {
      return true;
    }
    // Old V7 tar has no magic: accept a non-empty name with a valid header checksum.
    byte[] header = len == HEAD ? b : Arrays.copyOf(b, HEAD);
    try {
      return b[0] != 0 && TarUtils.verifyCheckSum(header);
    } catch (RuntimeException e) {
      return false; // the checksum field is not even octal
    }
  }

  /** True when a zip's first local header has its "encrypted" flag set. */
  static boolean zipEncrypted(byte[] b, int len) {
    return len >= 8 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4 && (b[6] & 1) != 0;
  }

  /** Reads up to {@link #HEAD} bytes; returns how many were read. */
  static int readHead(InputStream in, byte[] into) throws IOException {
    int n = 0;
    while (n < into.length) {
      int r = in.read(into, n, into.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }
}
