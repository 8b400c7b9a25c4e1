package dev.bulwark.analysis.parse;

import java.nio.charset.StandardCharsets;

/**
 * Maps tree-sitter's UTF-8 byte offsets to Java char offsets. Keeps a checkpoint every 1024 bytes
 * and walks from the nearest one, so memory stays small on multi-megabyte files.
 */
final class Offsets {
  private static final int STEP = 1024;
  private final byte[] bytes;
  private final int[] charAt;
  private final boolean ascii;

  Offsets(byte[] bytes) {
    this.bytes = bytes;
    boolean a = true;
    for (byte b : bytes) {
      if (b < 0) {
        a = false;
        break;
      }
    }
    this.ascii = a;
    this.charAt = a ? new int[0] : checkpoints(bytes);
  }

  private static int[] checkpoints(byte[] bytes) {
    int[] cp = new int[bytes.length / STEP + 1];
    int chars = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (i % STEP == 0) {
        cp[i / STEP] = chars;
      }
      chars += charsStartingAt(bytes[i]);
    }
    return cp;
  }

  /** Chars contributed by a byte: 0 for continuation bytes, 2 for 4-byte sequences. */
  private static int charsStartingAt(byte b) {
    int u = b & 0xFF;
    if ((u & 0xC0) == 0x80) {
      return 0;
    }
    return u >= 0xF0 ? 2 : 1;
  }

  int toChar(int byteOffset) {
    int off = Math.max(0, Math.min(byteOffset, bytes.length));
    if (ascii) {
      return off;
    }
    int base = off / STEP;
    int chars = charAt[base];
    for (int i = base * STEP; i < off; i++) {
      chars += charsStartingAt(bytes[i]);
    }
    return chars;
  }

  /** The UTF-8 text of a byte range, cut at {@code max} bytes. */
  String text(int start, int end, int max) {
    int s = Math.max(0, Math.min(start, bytes.length));
    int e = Math.max(s, Math.min(end, Math.min(bytes.length, s + max)));
    return new String(bytes, s, e - s, StandardCharsets.UTF_8);
  }
}
