package dev.bulwark.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.artifact.ArtifactFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fuzz target: lenient JSON ({@link Jsonc}) as the execution surface reads VS Code's tasks,
 * settings and extensions files, a dev container and package.json. Seeds:
 * JsoncFuzzTestInputs/jsonc/. Property: never throws.
 */
class JsoncFuzzTest {
  private static final List<String> PATHS = List.of(".vscode/tasks.json", ".vscode/settings.json",
      ".vscode/extensions.json", ".vscode/launch.json", ".devcontainer/devcontainer.json", "package.json");

  @FuzzTest
  void jsonc(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Jsonc.parse(text).ifPresent(n -> walk(n, text, 0));
    List<ArtifactFile> files = new ArrayList<>();
    for (String p : PATHS) {
      files.add(new ArtifactFile(p, data, false));
    }
    SurfaceBuilder.build(new ProjectTree("fuzz", "folder", files, List.of(), List.of()));
  }

  private static void walk(JsonNode n, String text, int depth) {
    String t = Jsonc.text(n);
    Jsonc.lineOf(text, t);
    if (depth > 8) {
      return;
    }
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      walk(it.next(), text, depth + 1);
    }
  }
}
