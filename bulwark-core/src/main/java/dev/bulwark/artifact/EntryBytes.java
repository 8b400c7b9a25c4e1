package dev.bulwark.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/** Reads one entry into memory without ever allocating more than the per-file limit. */
final class EntryBytes {
  /** Start small (most package files are small) and double: 100k tiny entries stay cheap. */
  private static final int FIRST = 4 * 1024;

  private static final int CHUNK = 16 * 1024;

  private EntryBytes() {}

  /**
   * The entry's bytes, or empty when it is bigger than {@code max}. When {@code drain} is set, the
   * rest of an oversized entry is read and thrown away (through the caller's meter), so that
   * streaming archive readers do not decompress it again unmetered.
   */
  static Optional<byte[]> read(InputStream in, long max, boolean drain) throws IOException {
    byte[] buf = new byte[(int) Math.min(max + 1, FIRST)];
    int len = 0;
    while (true) {
      if (len == buf.length) {
        if (len > max) {
          break;
        }
        buf = Arrays.copyOf(buf, (int) Math.min(max + 1, (long) buf.length * 2));
      }
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        return Optional.of(len == buf.length ? buf : Arrays.copyOf(buf, len));
      }
      len += n;
    }
    if (drain) {
      drain(in);
    }
    return Optional.empty();
  }

  /** Reads and discards the rest of {@code in}. */
  static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[CHUNK];
    while (in.read(sink) >= 0) {
      // discard; the stream's meter counts and bounds it
    }
  }
}
