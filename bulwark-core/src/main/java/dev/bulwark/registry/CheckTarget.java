package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import java.util.Objects;

/**
 * One package to check: "npm:NAME", "npm:NAME@VERSION|RANGE|TAG", "pypi:NAME", "pypi:NAME==VERSION"
 * or "pypi:NAME&gt;=1,&lt;2".
 *
 * @param text the argument as written
 * @param ecosystem npm or PyPI
 * @param name the package name
 * @param spec the version, range or tag ("" for the latest; PyPI keeps the operator)
 */
public record CheckTarget(String text, Ecosystem ecosystem, String name, String spec) {
  public CheckTarget {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
  }

  /** Parses a target; the message of the exception says what is wrong. */
  public static CheckTarget parse(String text) throws IllegalArgumentException {
    String t = text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + text + "': expected npm:NAME[@VERSION] or pypi:NAME[==VERSION]");
    }
    Ecosystem e = Ecosystem.parse(t.substring(0, colon)).orElseThrow(() ->
        new IllegalArgumentException("'" + text + "': unknown ecosystem; use npm: or pypi:"));
    String rest = t.substring(colon + 1).strip();
    String name;
    String spec;
    if (e == Ecosystem.NPM) {
      int at = rest.indexOf('@', rest.startsWith("@") ? 1 : 0);
      name = at < 0 ? rest : rest.substring(0, at);
      spec = at < 0 ? "" : rest.substring(at + 1).strip();
    } else {
      int op = firstOperator(rest);
      name = op < 0 ? rest : rest.substring(0, op).strip();
      spec = op < 0 ? "" : rest.substring(op).strip();
    }
    if (name.isEmpty() || name.length() > 214 || name.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("'" + text + "': invalid package name");
    }
    return new CheckTarget(text, e, name, spec);
  }

  private static int firstOperator(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("=<>!~".indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
