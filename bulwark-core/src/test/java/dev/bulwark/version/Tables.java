package dev.bulwark.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads testdata tables: one case per line, fields separated by " | ", "#" comments and blank
 * lines skipped. A field in double quotes is literal, with \t, \n, \\ and \\uXXXX escapes.
 */
final class Tables {
  private Tables() {}

  /** Rows with exactly {@code fields} fields; the first field may itself contain "|". */
  static List<String[]> rows(String name, int fields) {
    List<String[]> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines(name)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] row = new String[fields];
      String rest = line;
      for (int f = fields - 1; f > 0; f--) {
        int at = rest.lastIndexOf(" | ");
        if (at < 0) {
          throw new IllegalStateException(name + ":" + lineNo + ": expected " + fields + " fields");
        }
        row[f] = unquote(rest.substring(at + 3).strip());
        rest = rest.substring(0, at);
      }
      row[0] = unquote(rest.strip());
      out.add(row);
    }
    return out;
  }

  static List<Arguments> arguments(String name, int fields) {
    return rows(name, fields).stream().map(r -> Arguments.of((Object[]) r)).toList();
  }

  /** Non-comment lines, stripped. */
  static List<String> values(String name) {
    return lines(name).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
  }

  private static List<String> lines(String name) {
    try (InputStream in = Tables.class.getResourceAsStream("testdata/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing testdata/" + name);
      }
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unquote(String s) {
    if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
