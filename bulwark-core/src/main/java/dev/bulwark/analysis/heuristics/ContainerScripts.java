package dev.bulwark.analysis.heuristics;

/**
 * Tells whether a shipped shell script is one a Dockerfile of the same package copies into an
 * image or runs there: such a script runs inside a container build or as the container's
 * entrypoint, where deleting system folders is hardening, not vandalism of the user's machine.
 */
final class ContainerScripts {
  /** Dockerfiles read per question, so a package of thousands of them costs a bounded amount. */
  private static final int MAX_DOCKERFILES = 16;

  private ContainerScripts() {}

  static boolean runByDockerfile(String scriptPath, PackageView pkg) {
    String base = scriptPath.substring(scriptPath.lastIndexOf('/') + 1);
    int bang = scriptPath.lastIndexOf("!/");
    String archive = bang < 0 ? "" : scriptPath.substring(0, bang + 2);
    if (base.isEmpty()) {
      return false;
    }
    int read = 0;
    for (String path : pkg.types().keySet().stream().sorted().toList()) {
      if (!PackageView.isDockerfile(path) || !path.startsWith(archive) || path.indexOf("!/", archive.length()) >= 0) {
        continue;
      }
      if (++read > MAX_DOCKERFILES) {
        return false;
      }
      if (pkg.source().apply(path).map(text -> mentions(text, base)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** A non-comment line names the script as a whole file name. */
  private static boolean mentions(String dockerfile, String base) {
    for (String line : dockerfile.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("#")) {
        continue;
      }
      for (int at = t.indexOf(base); at >= 0; at = t.indexOf(base, at + 1)) {
        int after = at + base.length();
        boolean left = at == 0 || "/ \t\"'[,=".indexOf(t.charAt(at - 1)) >= 0;
        boolean right = after == t.length() || " \t\"',]&;|\\".indexOf(t.charAt(after)) >= 0;
        if (left && right) {
          return true;
        }
      }
    }
    return false;
  }
}
