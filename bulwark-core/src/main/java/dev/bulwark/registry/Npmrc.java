package dev.bulwark.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads npmrc files (ini-style "key = value" lines, ';' and '#' comments, ${VAR} from the
 * environment). Hand-written: the format is a handful of lines and no ini library is on the path.
 */
final class Npmrc {
  private static final long MAX_BYTES = 1L << 20;

  private Npmrc() {}

  /** The file's keys and values; an empty map when the file is missing, unreadable or too big. */
  static Map<String, String> read(Path file, Map<String, String> env) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Map.of();
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), env);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Map.of();
    }
  }

  static Map<String, String> parse(String text, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = expand(line.substring(0, eq).strip(), env);
      String value = unquote(line.substring(eq + 1).strip());
      out.put(key, expand(value, env));
    }
    return out;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** Replaces ${NAME} (and ${NAME?}) with the environment value, "" when unset. */
  static String expand(String v, Map<String, String> env) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < v.length()) {
      int start = v.indexOf("${", i);
      int end = start < 0 ? -1 : v.indexOf('}', start);
      if (start < 0 || end < 0) {
        b.append(v, i, v.length());
        break;
      }
      b.append(v, i, start);
      String name = v.substring(start + 2, end);
      b.append(env.getOrDefault(name.endsWith("?") ? name.substring(0, name.length() - 1) : name, ""));
      i = end + 1;
    }
    return b.toString();
  }
}
