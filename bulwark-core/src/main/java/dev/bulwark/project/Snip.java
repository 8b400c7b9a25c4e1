package dev.bulwark.project;

/** One-line, bounded, escaped excerpts of untrusted text for findings. */
final class Snip {
  static final int MAX = 200;

  private Snip() {}

  static String of(String s) {
    StringBuilder b = new StringBuilder();
    int spaces = 0;
    for (int i = 0; i < s.length() && b.length() < MAX; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        spaces++;
        continue;
      }
      if (spaces > 0) {
        b.append(spaces > 8 ? "⟨" + spaces + " spaces⟩" : " ".repeat(spaces));
        spaces = 0;
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        b.append(' ');
      } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    String r = b.toString().trim();
    return r.length() >= MAX ? r.substring(0, MAX) + "…" : r;
  }
}
