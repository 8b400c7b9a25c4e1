package dev.bulwark.project;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the settings of a git config file that make git run commands. Hand-written: INI subset. */
final class GitConfig {
  static final Set<String> HOOK_NAMES = Set.of("applypatch-msg", "pre-applypatch",
      "post-applypatch", "pre-commit", "pre-merge-commit", "prepare-commit-msg", "commit-msg",
      "post-commit", "pre-rebase", "post-checkout", "post-merge", "pre-push", "pre-receive",
      "update", "proc-receive", "post-receive", "post-update", "reference-transaction",
      "push-to-checkout", "pre-auto-gc", "post-rewrite", "sendemail-validate", "fsmonitor-watchman",
      "p4-changelist", "p4-prepare-changelist", "p4-post-changelist", "p4-pre-submit",
      "post-index-change");

  private GitConfig() {}

  /** "section.subsection.key" (section and key lower-cased) → value, in file order. */
  static Map<String, String> read(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String section = "";
    for (String raw : text.split("\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.contains("]")) {
        String s = line.substring(1, line.indexOf(']')).trim();
        int q = s.indexOf('"');
        section = q > 0
            ? s.substring(0, q).trim().toLowerCase(java.util.Locale.ROOT) + "."
                + s.substring(q + 1, s.lastIndexOf('"') > q ? s.lastIndexOf('"') : s.length())
            : s.toLowerCase(java.util.Locale.ROOT);
        continue;
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
      String value = eq < 0 ? "true" : line.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      out.put(section + "." + key, value);
    }
    return out;
  }
}
