package dev.bulwark.project;

import dev.bulwark.model.NpmLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps a project's execution surface: for each trigger, what would run, from which file. */
public final class SurfaceBuilder {
  static final List<String> RUN_SCRIPTS = List.of("start", "dev", "serve", "build", "test",
      "develop", "watch", "server", "client");
  private static final List<String> DEVCONTAINER_KEYS = List.of("initializeCommand",
      "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand",
      "postAttachCommand");
  private static final List<String> PY_ENTRIES = List.of("manage.py", "main.py", "app.py", "run.py",
      "server.py", "wsgi.py", "asgi.py", "__main__.py", "cli.py", "bot.py");

  private final ProjectTree tree;
  private final Map<String, ArtifactFile> files;
  private final ImportGraph graph;
  private final List<Trigger> triggers = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private SurfaceBuilder(ProjectTree tree) {
    this.tree = tree;
    this.files = tree.byPath();
    this.graph = new ImportGraph(files);
  }

  public static ExecutionSurface build(ProjectTree tree) {
    SurfaceBuilder b = new SurfaceBuilder(tree);
    b.vscode();
    b.devcontainer();
    b.git();
    b.npm();
    b.python();
    b.make();
    b.docker();
    b.triggers.sort(null);
    return new ExecutionSurface(b.triggers, new ArrayList<>(new TreeSet<>(b.notes)));
  }

  private String text(String path) {
    ArtifactFile f = files.get(path);
    return f == null ? "" : new String(f.content(), StandardCharsets.UTF_8);
  }

  private Map<String, String> rootScripts() {
    return scripts(text("package.json"));
  }

  static Map<String, String> scripts(String packageJson) {
    Map<String, String> out = new LinkedHashMap<>();
    Jsonc.parse(packageJson).ifPresent(n -> {
      JsonNode s = n.path("scripts");
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      }
    });
    return out;
  }

  private void add(TriggerKind kind, String name, String command, SourceLocation loc,
      Map<String, String> scripts, String dir) {
    CommandResolver.Resolved resolved =
        new CommandResolver(scripts, dir, files.keySet()).resolveAll(command);
    List<String> entries = new ArrayList<>(resolved.entries());
    List<String> hooks = HooksPath.firedBy(command, files.keySet());
    entries.addAll(hooks);
    ImportGraph.Reach reach = graph.follow(entries);
    // Files given to a tool as data are not code; whatever the entries load is.
    java.util.Set<String> dataOnly = new java.util.HashSet<>(resolved.entries());
    dataOnly.removeAll(resolved.asCode());
    dataOnly.removeAll(hooks);
    List<String> asCode = reach.files().stream().filter(f -> !dataOnly.contains(f)).toList();
    triggers.add(new Trigger(kind, name, command, loc, reach.files(), reach.chains(), asCode));
  }

  private void vscode() {
    String path = ".vscode/tasks.json";
    String t = text(path);
    Optional<JsonNode> json = t.isEmpty() ? Optional.empty() : Jsonc.parse(t);
    if (!t.isEmpty() && json.isEmpty()) {
      notes.add(path + " could not be parsed as JSON; VS Code may still read parts of it");
    }
    json.ifPresent(n -> {
      for (JsonNode task : n.path("tasks")) {
        String runOn = task.path("runOptions").path("runOn").asText("");
        if (!runOn.equals("folderOpen")) {
          continue;
        }
        String label = task.path("label").asText(task.path("taskName").asText("(unnamed)"));
        // One trigger per distinct command; OS variants with the same command are merged.
        Map<String, List<String>> byCommand = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        for (String os : List.of("", "linux", "osx", "windows")) {
          JsonNode src = os.isEmpty() ? task : task.path(os);
          String cmd = Jsonc.text(src.path("command"));
          if (task.path("type").asText("").equals("npm") && os.isEmpty()) {
            cmd = "npm run " + task.path("script").asText("");
          }
          String full = (cmd + " " + Jsonc.text(src.path("args"))).trim();
          if (full.isEmpty()) {
            continue;
          }
          String key = full.replace('\\', '/').trim();
          byCommand.computeIfAbsent(key, k -> new ArrayList<>()).add(os.isEmpty() ? "all" : os);
          original.putIfAbsent(key, full);
        }
        for (Map.Entry<String, List<String>> e : byCommand.entrySet()) {
          String full = original.get(e.getKey());
          String name = "task '" + label + "'" + (e.getValue().contains("all") ? ""
              : " (" + String.join(", ", e.getValue()) + ")");
          String cmd = full.strip();
          String needle = cmd.length() > 40 ? cmd.substring(0, 40) : cmd;
          add(TriggerKind.FOLDER_OPEN, name, e.getKey().equals(full) ? full : e.getKey(),
              SourceLocation.of(path, Jsonc.lineOf(t, needle)), rootScripts(), "");
        }
      }
    });
    Jsonc.parse(text(".vscode/settings.json")).ifPresent(s -> {
      if (s.path("task.allowAutomaticTasks").asText("").equals("on")) {
        notes.add(".vscode/settings.json sets task.allowAutomaticTasks to \"on\": folder-open tasks"
            + " run without asking once the folder is trusted");
      }
      if (s.path("security.workspace.trust.enabled").asText("").equals("false")) {
        notes.add(".vscode/settings.json tries to turn workspace trust off");
      }
    });
    Jsonc.parse(text(".vscode/extensions.json")).ifPresent(s -> {
      List<String> recs = new ArrayList<>();
      s.path("recommendations").forEach(r -> recs.add(r.asText()));
      if (!recs.isEmpty()) {
        notes.add(".vscode/extensions.json recommends extensions: " + String.join(", ", recs));
      }
    });
  }

  private void devcontainer() {
    for (String path : files.keySet()) {
      if (!(path.equals(".devcontainer.json") || path.startsWith(".devcontainer/")
          && path.endsWith("devcontainer.json"))) {
        continue;
      }
      String t = text(path);
      Jsonc.parse(t).ifPresent(n -> {
        for (String key : DEVCONTAINER_KEYS) {
          JsonNode v = n.path(key);
          List<String> cmds = new ArrayList<>();
          if (v.isObject()) {
            v.fields().forEachRemaining(e -> cmds.add(Jsonc.text(e.getValue())));
          } else {
            cmds.add(Jsonc.text(v));
          }
          for (String c : cmds) {
            if (!c.isBlank()) {
              String where = key.equals("initializeCommand") ? " (runs on your machine, not in the container)" : "";
              add(TriggerKind.DEVCONTAINER, key + where, c,
                  SourceLocation.of(path, Jsonc.lineOf(t, "\"" + key + "\"")), rootScripts(), "");
            }
          }
        }
      });
    }
  }

  private void git() {
    GitConfig.read(text(".git/config")).forEach((key, value) -> {
      String k = key.toLowerCase(java.util.Locale.ROOT);
      SourceLocation loc = SourceLocation.of(".git/config", Jsonc.lineOf(text(".git/config"), value));
      if (k.equals("core.hookspath")) {
        notes.add(".git/config sets core.hooksPath to " + value + ": git runs hooks from there");
      } else if (k.equals("core.fsmonitor") && !value.equals("true") && !value.equals("false")) {
        add(TriggerKind.GIT, "core.fsmonitor (runs on git status)", value, loc, Map.of(), "");
      } else if (k.endsWith(".smudge") || k.endsWith(".clean") || k.endsWith(".process")
          || k.endsWith(".textconv") || k.equals("core.sshcommand") || k.equals("core.pager")
          || k.equals("core.editor") || k.startsWith("alias.") && value.startsWith("!")) {
        add(TriggerKind.GIT, key, value, loc, Map.of(), "");
      }
    });
    Set<String> hookDirs = new TreeSet<>(List.of(".git/hooks/", ".githooks/", ".husky/", "hooks/",
        ".hooks/", "git-hooks/"));
    for (ArtifactFile f : tree.files()) {
      for (String s : HooksPath.setIn(f)) {
        hookDirs.add(s.endsWith("/") ? s : s + "/");
        notes.add(f.path() + " sets git's core.hooksPath to " + s);
      }
    }
    for (String path : files.keySet()) {
      for (String dir : hookDirs) {
        if (path.startsWith(dir) && !path.substring(dir.length()).contains("/")
            && GitConfig.HOOK_NAMES.contains(path.substring(dir.length()))
            && !path.startsWith(".husky/_/")) {
          String hook = path.substring(dir.length());
          add(TriggerKind.GIT, hook + " hook", "sh " + path, SourceLocation.of(path, 1), Map.of(), "");
        }
      }
    }
    for (String cfg : List.of("lefthook.yml", ".lefthook.yml", "lefthook.yaml")) {
      String t = text(cfg);
      for (String line : t.split("\n")) {
        String l = line.trim();
        if (l.startsWith("run:")) {
          add(TriggerKind.GIT, "lefthook command", l.substring(4).trim(),
              SourceLocation.of(cfg, Jsonc.lineOf(t, l)), rootScripts(), "");
        }
      }
    }
    String pc = text(".pre-commit-config.yaml");
    for (String line : pc.split("\n")) {
      String l = line.trim();
      if (l.startsWith("entry:")) {
        add(TriggerKind.GIT, "pre-commit local hook", l.substring(6).trim(),
            SourceLocation.of(".pre-commit-config.yaml", Jsonc.lineOf(pc, l)), rootScripts(), "");
      }
    }
  }

  private void npm() {
    for (String path : files.keySet()) {
      if (!(path.equals("package.json") || path.endsWith("/package.json"))) {
        continue;
      }
      String t = text(path);
      String dir = ImportGraph.dir(path);
      Map<String, String> scripts = scripts(t);
      for (Map.Entry<String, String> e : scripts.entrySet()) {
        String name = e.getKey();
        SourceLocation loc = SourceLocation.of(path, Jsonc.lineOf(t, "\"" + name + "\""));
        String prefix = dir.isEmpty() ? "" : "(in " + dir + ") ";
        if (NpmLifecycle.FOLDER_INSTALL.contains(name)) {
          add(TriggerKind.INSTALL, prefix + "npm " + name + " script", e.getValue(), loc, scripts, dir);
        } else if (RUN_SCRIPTS.contains(name) || isPrePost(name)) {
          add(TriggerKind.RUN, prefix + "npm run " + name, e.getValue(), loc, scripts, dir);
        }
      }
      if (!scripts.containsKey("start") && files.containsKey(join(dir, "server.js"))) {
        add(TriggerKind.RUN, "npm start (default: node server.js)", "node server.js",
            SourceLocation.of(path, 1), scripts, dir);
      }
      Jsonc.parse(t).ifPresent(n -> {
        String main = n.path("main").asText("");
        if (!main.isEmpty() && !scripts.containsKey("start")) {
          add(TriggerKind.RUN, "require() of the package (main)", "node " + main,
              SourceLocation.of(path, Jsonc.lineOf(t, "\"main\"")), scripts, dir);
        }
      });
    }
  }

  private static boolean isPrePost(String name) {
    for (String r : RUN_SCRIPTS) {
      if (name.equals("pre" + r) || name.equals("post" + r)) {
        return true;
      }
    }
    return false;
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  private void python() {
    if (files.containsKey("setup.py")) {
      add(TriggerKind.PIP_INSTALL, "setup.py", "python setup.py install",
          SourceLocation.of("setup.py", 1), Map.of(), "");
    }
    String pyproject = text("pyproject.toml");
    if (pyproject.contains("backend-path")) {
      notes.add("pyproject.toml builds with a backend inside the repository (backend-path):"
          + " pip install runs the project's own build code");
      for (String line : pyproject.split("\n")) {
        if (line.trim().startsWith("build-backend")) {
          String mod = line.substring(line.indexOf('=') + 1).trim().replace("\"", "").replace("'", "");
          String file = mod.split(":")[0].replace('.', '/') + ".py";
          add(TriggerKind.PIP_INSTALL, "local build backend", "python -m " + mod.split(":")[0],
              SourceLocation.of("pyproject.toml", Jsonc.lineOf(pyproject, line.trim())), Map.of(), "");
          if (!files.containsKey(file)) {
            notes.add("the build backend " + mod + " is not a file of the project");
          }
        }
      }
    }
    for (String e : PY_ENTRIES) {
      if (files.containsKey(e)) {
        add(TriggerKind.PYTHON, "python " + e, "python " + e, SourceLocation.of(e, 1), Map.of(), "");
      }
    }
  }

  private void make() {
    String t = text("Makefile");
    if (t.isEmpty()) {
      t = text("makefile");
    }
    String[] lines = t.split("\n");
    String target = "";
    int count = 0;
    for (int i = 0; i < lines.length && count < 30; i++) {
      String l = lines[i];
      if (makeTargetLine(l)) {
        target = l.substring(0, l.indexOf(':')).trim();
      } else if (l.startsWith("\t") && !target.isEmpty()) {
        String cmd = l.trim();
        while (!cmd.isEmpty() && (cmd.charAt(0) == '@' || cmd.charAt(0) == '-')) {
          cmd = cmd.substring(1);
        }
        add(TriggerKind.MAKE, "make " + target, cmd, SourceLocation.of("Makefile", i + 1),
            rootScripts(), "");
        count++;
      }
    }
  }

  private static boolean makeTargetLine(String l) {
    return !l.startsWith("\t") && l.contains(":") && !l.startsWith("#") && !l.contains("=");
  }

  /**
   * The target a plain {@code make} builds: the first one whose name does not start with a dot
   * (GNU make's default goal), or "" when there is none.
   */
  static String defaultMakeGoal(String makefile) {
    int lines = 0;
    for (String l : makefile.split("\n", 5_001)) {
      if (++lines > 5_000) {
        break;
      }
      if (makeTargetLine(l)) {
        String target = l.substring(0, l.indexOf(':')).trim();
        if (!target.isEmpty() && !target.startsWith(".")) {
          int sp = target.indexOf(' ');
          return sp < 0 ? target : target.substring(0, sp);
        }
      }
    }
    return "";
  }

  private void docker() {
    for (String path : List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")) {
      String t = text(path);
      String[] lines = t.split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].trim();
        if (l.startsWith("command:") || l.startsWith("entrypoint:")) {
          String cmd = l.substring(l.indexOf(':') + 1).trim();
          add(TriggerKind.DOCKER, "compose " + l.substring(0, l.indexOf(':')), cmd,
              SourceLocation.of(path, i + 1), rootScripts(), "");
        }
      }
    }
  }
}
