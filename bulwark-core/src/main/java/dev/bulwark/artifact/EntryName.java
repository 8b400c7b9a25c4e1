package dev.bulwark.artifact;

import java.util.ArrayList;
import java.util.List;

/**
 * An archive entry name, normalised: '/' separators, no leading "./", no empty or "." segments.
 * Names that would escape the package folder are rejected, never "repaired".
 *
 * @param path the normalised path ("" when rejected or empty)
 * @param kind what the name is
 * @param reason for a rejected name, why (for the message)
 */
record EntryName(String path, Kind kind, String reason) {
  enum Kind {
    OK,
    /** Usable after turning '\' into '/', but worth a finding. */
    BACKSLASH,
    /** Would escape the package folder: "..", absolute, drive letter, NUL. */
    TRAVERSAL,
    /** Nothing left after normalising (such as "./"). */
    EMPTY
  }

  private static final int MAX_DISPLAY = 300;

  static EntryName of(String raw) {
    if (raw.indexOf('\0') >= 0) {
      return rejected("it contains a NUL byte");
    }
    String s = raw.replace('\\', '/');
    if (s.length() >= 2 && s.charAt(1) == ':' && Character.isLetter(s.charAt(0))) {
      return rejected("it starts with a drive letter");
    }
    if (s.startsWith("/")) {
      return rejected("it is an absolute path");
    }
    List<String> parts = new ArrayList<>();
    for (String seg : segments(s)) {
      if (seg.equals("..")) {
        return rejected("it contains a '..' segment");
      }
      if (!seg.isEmpty() && !seg.equals(".")) {
        parts.add(seg);
      }
    }
    if (parts.isEmpty()) {
      return new EntryName("", Kind.EMPTY, "");
    }
    return new EntryName(String.join("/", parts), s.equals(raw) ? Kind.OK : Kind.BACKSLASH, "");
  }

  /** Splits on '/', keeping empty segments (no regex: names are untrusted). */
  static List<String> segments(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf('/'); i >= 0; i = s.indexOf('/', start)) {
      out.add(s.substring(start, i));
      start = i + 1;
    }
    out.add(s.substring(start));
    return out;
  }

  private static EntryName rejected(String reason) {
    return new EntryName("", Kind.TRAVERSAL, reason);
  }

  /**
   * A name made safe to print: control, bidi and other invisible characters become \\uXXXX and long
   * names are cut, so hostile entry names cannot forge terminal output.
   */
  static String display(String raw) {
    StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX_DISPLAY) + 8);
    for (int i = 0; i < raw.length() && b.length() < MAX_DISPLAY; i++) {
      char c = raw.charAt(i);
      int type = Character.getType(c);
      if (c < 0x20 || c == 0x7f || type == Character.CONTROL || type == Character.FORMAT) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= MAX_DISPLAY && raw.length() > MAX_DISPLAY) {
      b.append("…");
    }
    return b.toString();
  }
}
