package dev.bulwark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.re2j.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Folders recently opened in VS Code and Cursor, and whether they hold a task that runs by itself
 * when the folder is opened ({@code "runOn": "folderOpen"}), the lure used by fake job interviews.
 */
final class EditorCheck {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
  private static final int MAX_BYTES = 256 * 1024;
  private static final int MAX_FOLDERS = 2_000;
  private static final Pattern FETCH = Pattern.compile(
      "(?i)(curl|wget|invoke-webrequest|iwr |https?://|base64|eval|\\| *(ba)?sh|node -e|python -c)");

  private final SweepContext ctx;
  private final java.util.TreeMap<Path, Boolean> trusted = new java.util.TreeMap<>();

  EditorCheck(SweepContext ctx) {
    this.ctx = ctx;
  }

  void run() {
    TreeSet<Path> folders = new TreeSet<>();
    trusted.clear();
    for (String app : List.of("Code", "Code - Insiders", "Cursor", "VSCodium", "Windsurf")) {
      for (Path user : List.of(ctx.home.resolve(".config/" + app + "/User"),
          ctx.home.resolve("Library/Application Support/" + app + "/User"),
          ctx.home.resolve("AppData/Roaming/" + app + "/User"))) {
        WorkspaceTrust.read(ctx.fs, user.resolve("globalStorage/state.vscdb"))
            .forEach((p, yes) -> trusted.put(rebase(p), yes));
        for (Path ws : ctx.fs.list(user.resolve("workspaceStorage"))) {
          if (folders.size() < MAX_FOLDERS) {
            folder(ws.resolve("workspace.json")).ifPresent(folders::add);
          }
        }
      }
    }
    for (Path f : folders) {
      tasks(f, f.resolve(".vscode/tasks.json"));
    }
  }

  private Optional<Path> folder(Path workspaceJson) {
    Optional<String> text = ctx.fs.readText(workspaceJson, MAX_BYTES);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      String uri = JSON.readTree(text.get()).path("folder").asText("");
      if (!uri.startsWith("file://")) {
        return Optional.empty();
      }
      return Optional.of(rebase(Path.of(URI.create(uri))));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What the editor's trust database says about a folder, for the report. */
  private String trust(Path folder) {
    Optional<Boolean> t = trusted.entrySet().stream()
        .filter(e -> folder.startsWith(e.getKey())).map(java.util.Map.Entry::getValue).findFirst();
    return t.map(yes -> yes ? " (the folder is trusted, so it ran without asking)"
        : " (the folder is not trusted, so the editor asked first)").orElse("");
  }

  /** A path as the swept system writes it, under --root when it is not under an allowed root. */
  private Path rebase(Path p) {
    return ctx.fs.allowed(p) ? p : ctx.underRoot(p.toString());
  }

  private void tasks(Path folder, Path file) {
    Optional<String> text = ctx.fs.readText(file, MAX_BYTES);
    if (text.isEmpty()) {
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(text.get());
    } catch (java.io.IOException e) {
      if (text.get().contains("folderOpen")) {
        ctx.indicator(Indicator.Area.EDITORS, false, "autorun-task", file,
            "unparsable tasks.json mentioning folderOpen", "", "");
      }
      return;
    }
    for (JsonNode task : root.path("tasks")) {
      if (!"folderOpen".equals(task.path("runOptions").path("runOn").asText(""))) {
        continue;
      }
      String command = (task.path("command").asText("") + " " + task.path("args").toString()
          + " " + task.path("linux").toString() + " " + task.path("osx").toString() + " "
          + task.path("windows").toString()).strip();
      boolean ioc = !ctx.iocs(command).isEmpty();
      boolean bad = ioc || CommandJudge.odd(command).isPresent() || FETCH.matcher(command).find();
      // Confirmed only when the task names a known indicator; a fetching task is suspicious.
      ctx.indicator(Indicator.Area.EDITORS, ioc, bad ? "autorun-task-fetch" : "autorun-task", file,
          "task \"" + task.path("label").asText("") + "\" runs when the folder is opened"
              + trust(folder) + ": " + PersistenceCheck.show(command),
          "Contagious Interview (VS Code task lure)", "");
    }
  }
}
