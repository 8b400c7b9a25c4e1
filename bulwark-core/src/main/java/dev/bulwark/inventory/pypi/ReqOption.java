package dev.bulwark.inventory.pypi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options pip accepts in requirements files, by canonical long name.
 *
 * @param name the canonical long name, such as "--index-url"
 * @param value the option's value ("" for flags)
 */
record ReqOption(String name, String value) {

  /** Long name of each short option. */
  private static final Map<String, String> SHORT = Map.of(
      "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
      "-f", "--find-links");

  /** Options that take a value. */
  private static final List<String> WITH_VALUE = List.of(
      "--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url",
      "--find-links", "--trusted-host", "--only-binary", "--no-binary", "--use-feature", "--hash",
      "--global-option", "--install-option", "--config-settings", "--config-setting");

  /** Options without a value. */
  private static final List<String> FLAGS = List.of(
      "--no-index", "--pre", "--prefer-binary", "--require-hashes");

  static boolean isFlag(String name) {
    return FLAGS.contains(name);
  }

  /**
   * Reads the option starting at {@code tokens[i]}, consuming its value from the next token when
   * it is not attached. Returns the option and the index after it, or empty for an unknown one.
   */
  static Optional<Parsed> read(List<String> tokens, int i) {
    String t = tokens.get(i);
    String name;
    String attached = null;
    if (t.startsWith("--")) {
      int eq = t.indexOf('=');
      name = eq < 0 ? t : t.substring(0, eq);
      attached = eq < 0 ? null : t.substring(eq + 1);
    } else {
      name = t.length() >= 2 ? SHORT.get(t.substring(0, 2)) : null;
      if (name == null) {
        return Optional.empty();
      }
      attached = t.length() > 2 ? t.substring(2) : null;
    }
    if (FLAGS.contains(name) && attached == null) {
      return Optional.of(new Parsed(new ReqOption(name, ""), i + 1));
    }
    if (!WITH_VALUE.contains(name)) {
      return Optional.empty();
    }
    if (attached != null) {
      return Optional.of(new Parsed(new ReqOption(name, attached), i + 1));
    }
    if (i + 1 >= tokens.size()) {
      return Optional.of(new Parsed(new ReqOption(name, ""), i + 1));
    }
    return Optional.of(new Parsed(new ReqOption(name, tokens.get(i + 1)), i + 2));
  }

  /** An option read from a token list, and the index of the next token. */
  record Parsed(ReqOption option, int next) {}
}
