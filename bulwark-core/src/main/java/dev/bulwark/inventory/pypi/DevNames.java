package dev.bulwark.inventory.pypi;

import java.util.Locale;
import java.util.Set;

/** Which group and file names mean "only for development". */
final class DevNames {
  private static final Set<String> DEV_WORDS = Set.of(
      "dev", "devel", "develop", "development", "test", "tests", "testing", "lint", "linting",
      "doc", "docs", "typing", "ci", "qa");

  private DevNames() {}

  /**
   * True for requirements files named for development, such as "requirements-dev.txt",
   * "dev-requirements.txt", "requirements/test.txt" or "requirements_docs.txt": a heuristic on
   * the words of the base name, since requirements files carry no group.
   */
  static boolean isDevFile(String displayPath) {
    String base = displayPath.substring(displayPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    int start = 0;
    for (int i = 0; i <= stem.length(); i++) {
      if (i == stem.length() || "-_.".indexOf(stem.charAt(i)) >= 0) {
        if (DEV_WORDS.contains(stem.substring(start, i))) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** True for a dependency group or extra named for development ("dev", "test", "lint"...). */
  static boolean isDevGroup(String group) {
    return DEV_WORDS.contains(group.toLowerCase(Locale.ROOT));
  }
}
