package dev.bulwark.eval.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "--name value" and "--flag" options of the tool mains. Hand-written: two small developer tools
 * do not justify wiring a command framework; the product command lives in bulwark-cli.
 */
final class Args {
  private final Map<String, List<String>> values = new TreeMap<>();

  Args(String[] argv, List<String> flags) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
      String name = a.substring(2);
      if (flags.contains(name)) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (i + 1 < argv.length) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(argv[++i]);
      } else {
        throw new IllegalArgumentException("missing value for " + a);
      }
    }
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  Optional<String> one(String name) {
    List<String> v = all(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  int integer(String name, int fallback) {
    return one(name).map(Integer::parseInt).orElse(fallback);
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }
}
