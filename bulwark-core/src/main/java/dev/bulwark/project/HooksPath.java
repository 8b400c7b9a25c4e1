package dev.bulwark.project;

import dev.bulwark.artifact.ArtifactFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Commands that point git's {@code core.hooksPath} at a project folder, and what that fires. */
final class HooksPath {
  private HooksPath() {}

  /** Git subcommands and the hooks they fire. */
  private static final Map<String, List<String>> FIRES = Map.of(
      "checkout", List.of("post-checkout"), "switch", List.of("post-checkout"),
      "clone", List.of("post-checkout"), "commit", List.of("pre-commit", "prepare-commit-msg",
          "commit-msg", "post-commit"), "merge", List.of("pre-merge-commit", "post-merge"),
      "pull", List.of("post-merge", "post-checkout"), "push", List.of("pre-push"),
      "rebase", List.of("pre-rebase", "post-rewrite"), "am", List.of("applypatch-msg",
          "pre-applypatch", "post-applypatch"), "reset", List.of("post-checkout"));

  /**
   * A command that sets {@code core.hooksPath} to a project folder and then runs git (e.g.
   * {@code git config core.hooksPath .githooks && git checkout main}) runs that folder's hooks.
   */
  static List<String> firedBy(String command, Set<String> files) {
    if (!command.contains("core.hooksPath")) {
      return List.of();
    }
    List<String> dirs = new ArrayList<>();
    List<String> fired = new ArrayList<>();
    for (List<String> w : CommandResolver.simpleCommands(command)) {
      int g = w.indexOf("git");
      if (g < 0 || g + 1 >= w.size()) {
        continue;
      }
      int k = w.indexOf("core.hooksPath");
      if (w.get(g + 1).equals("config") && k >= 0 && k + 1 < w.size()) {
        String d = ImportGraph.normalize(w.get(k + 1));
        if (d != null && !d.isEmpty()) {
          dirs.add(d);
        }
      } else {
        fired.addAll(FIRES.getOrDefault(w.get(g + 1), List.of()));
      }
    }
    List<String> out = new ArrayList<>();
    for (String d : dirs) {
      for (String h : fired) {
        if (files.contains(d + "/" + h)) {
          out.add(d + "/" + h);
        }
      }
    }
    return out;
  }

  /** Paths that scripts or tasks set as core.hooksPath ({@code git config core.hooksPath X}). */
  static List<String> setIn(ArtifactFile f) {
    if (f.content().length > (1 << 20) || f.path().startsWith(".git/")) {
      return List.of();
    }
    String t = new String(f.content(), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    int i = t.indexOf("core.hooksPath");
    while (i >= 0 && out.size() < 5) {
      String rest = t.substring(i + "core.hooksPath".length(), Math.min(t.length(), i + 200));
      List<List<String>> cmds = CommandResolver.simpleCommands(rest);
      if (!cmds.isEmpty() && !cmds.get(0).isEmpty()) {
        String dir = cmds.get(0).get(0).replace("\\\"", "").replace("\"", "").replace("'", "");
        String norm = ImportGraph.normalize(dir);
        if (norm != null && !norm.isEmpty()) {
          out.add(norm);
        }
      }
      i = t.indexOf("core.hooksPath", i + 1);
    }
    return out;
  }
}
