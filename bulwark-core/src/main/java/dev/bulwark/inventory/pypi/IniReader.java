package dev.bulwark.inventory.pypi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small INI reader for setup.cfg and pip.conf, in the dialect of Python's configparser:
 * {@code [section]}, {@code key = value} or {@code key: value}, indented continuation lines, and
 * whole-line {@code #}/{@code ;} comments. Hand-written because no INI library is on the class
 * path and these files need only this much; it keeps the line of every value line.
 */
final class IniReader {
  private IniReader() {}

  /**
   * One key of a section.
   *
   * @param section the section name as written
   * @param key the key, lower case, '_' read as '-'
   * @param line the key's line
   * @param values the non-empty value lines (the rest of the key line, then continuations)
   */
  record Entry(String section, String key, int line, List<TomlDocs.Indexed<String>> values) {}

  static List<Entry> read(String text) {
    List<Entry> out = new ArrayList<>();
    String section = "";
    String key = null;
    int keyLine = 0;
    List<TomlDocs.Indexed<String>> values = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String t = raw.trim();
      boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
      if (t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      if (key != null && indented && !t.isEmpty()) {
        values.add(new TomlDocs.Indexed<>(t, i + 1));
        continue;
      }
      if (key != null && (t.isEmpty() || !indented)) {
        out.add(new Entry(section, key, keyLine, values));
        key = null;
        values = new ArrayList<>();
      }
      if (t.startsWith("[") && t.endsWith("]")) {
        section = t.substring(1, t.length() - 1).trim();
      } else if (!t.isEmpty()) {
        int sep = separator(t);
        if (sep > 0) {
          key = t.substring(0, sep).trim().toLowerCase(Locale.ROOT).replace('_', '-');
          keyLine = i + 1;
          String v = t.substring(sep + 1).trim();
          if (!v.isEmpty()) {
            values.add(new TomlDocs.Indexed<>(v, i + 1));
          }
        }
      }
    }
    if (key != null) {
      out.add(new Entry(section, key, keyLine, values));
    }
    return out;
  }

  private static int separator(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '=' || t.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }
}
