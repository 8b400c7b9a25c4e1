package dev.bulwark.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Linux {@code /proc/net/tcp} and {@code tcp6}. Hand-written: the format is fixed columns of
 * hex numbers; addresses are written as 32-bit words in host (little-endian) byte order.
 */
final class ProcNet {
  private static final int MAX_LINES = 200_000;
  private static final com.google.re2j.Pattern WS = com.google.re2j.Pattern.compile("\\s+");

  private ProcNet() {}

  static List<NetworkCheck.Conn> parse(String text) {
    List<NetworkCheck.Conn> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length && i < MAX_LINES; i++) {
      String[] f = WS.split(lines[i].strip());
      if (f.length < 10) {
        continue;
      }
      int colon = f[2].indexOf(':');
      if (colon < 0) {
        continue;
      }
      try {
        String ip = address(f[2].substring(0, colon));
        int port = Integer.parseInt(f[2].substring(colon + 1), 16);
        long inode = Long.parseLong(f[9]);
        if (!ip.isEmpty()) {
          out.add(new NetworkCheck.Conn(ip, port, f[3].toUpperCase(java.util.Locale.ROOT), inode));
        }
      } catch (NumberFormatException e) {
        // a malformed line: skip it
      }
    }
    return out;
  }

  /** "0100007F" to 127.0.0.1; 32 hex digits to IPv6 text, or IPv4 for ::ffff:a.b.c.d. */
  static String address(String hex) {
    if (hex.length() == 8) {
      return ipv4(Long.parseLong(hex, 16));
    }
    if (hex.length() != 32) {
      return "";
    }
    long[] words = new long[4];
    for (int w = 0; w < 4; w++) {
      words[w] = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
    }
    if (words[0] == 0 && words[1] == 0 && words[2] == 0xFFFF0000L) {
      return ipv4(words[3]);
    }
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < 4; w++) {
      long v = Long.reverseBytes(words[w]) >>> 32;
      sb.append(w == 0 ? "" : ":").append(Long.toHexString(v >>> 16)).append(':')
          .append(Long.toHexString(v & 0xFFFF));
    }
    return sb.toString();
  }

  private static String ipv4(long le) {
    return (le & 0xFF) + "." + ((le >> 8) & 0xFF) + "." + ((le >> 16) & 0xFF) + "." + ((le >> 24) & 0xFF);
  }
}
