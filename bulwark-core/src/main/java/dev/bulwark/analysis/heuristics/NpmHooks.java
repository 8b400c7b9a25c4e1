package dev.bulwark.analysis.heuristics;

import dev.bulwark.model.NpmLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.analysis.heuristics.ShellCommands.Cmd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an npm package runs by itself: its install lifecycle scripts, the files those scripts run
 * (with node, a shell or directly, whatever the file is named) and its main module, which runs
 * when the package is required. Read from the package's root package.json.
 */
final class NpmHooks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** How a file comes to run: "node" (JavaScript) or "shell". */
  enum Runner { NODE, SHELL, PYTHON }

  /**
   * @param root the package root inside the artifact ("package/" or "")
   * @param runs files the install scripts run, relative to the root, with the runner and the script
   * @param main the main module relative to the root ("index.js" by default)
   */
  record Hooks(String root, Map<String, Run> runs, String main, boolean hasInstallScript) {
    static final Hooks NONE = new Hooks("", Map.of(), "", false);

    /** How a shipped file (path inside the artifact) is run at install time, if it is. */
    Optional<Run> run(String path) {
      if (!path.startsWith(root)) {
        return Optional.empty();
      }
      String rel = path.substring(root.length());
      Run r = runs.get(rel);
      if (r != null) {
        return Optional.of(r);
      }
      // node resolves `node setup` to setup.js or setup/index.js
      for (Map.Entry<String, Run> e : runs.entrySet()) {
        if (e.getValue().runner() == Runner.NODE
            && (rel.equals(e.getKey() + ".js") || rel.equals(e.getKey() + "/index.js"))) {
          return Optional.of(e.getValue());
        }
      }
      return Optional.empty();
    }

    boolean isMain(String path) {
      return !main.isEmpty() && path.equals(root + main);
    }
  }

  /** A file run by an install script. */
  record Run(Runner runner, String script, String command) {}

  private NpmHooks() {}

  /** The hooks of the package a file belongs to, computed once per package and thread. */
  static Hooks of(String path, PackageView pkg) {
    Object[] last = LAST.get();
    if (last != null && last[0] == pkg) {
      Hooks h = (Hooks) last[1];
      if (path.startsWith(h.root())) {
        return h;
      }
    }
    Hooks h = compute(path, pkg);
    LAST.set(new Object[] {pkg, h});
    return h;
  }

  /** The outermost package.json above the file (the package's own), at most three folders up. */
  private static Hooks compute(String path, PackageView pkg) {
    String dir = path.substring(0, path.lastIndexOf('/') + 1);
    Hooks found = Hooks.NONE;
    for (int up = 0; up < 4; up++) {
      Optional<String> text = pkg.source().apply(dir + "package.json");
      if (text.isPresent()) {
        found = parse(dir, text.get());
      }
      if (dir.isEmpty()) {
        break;
      }
      int cut = dir.lastIndexOf('/', dir.length() - 2);
      dir = cut < 0 ? "" : dir.substring(0, cut + 1);
    }
    return found;
  }

  static Hooks parse(String root, String packageJson) {
    JsonNode json;
    try {
      json = JSON.readTree(packageJson);
    } catch (java.io.IOException | RuntimeException e) {
      return new Hooks(root, Map.of(), "", false);
    }
    if (json == null || !json.isObject()) {
      return new Hooks(root, Map.of(), "", false);
    }
    String main = json.path("main").isTextual() ? normalize(json.path("main").asText()) : "index.js";
    if (!main.isEmpty() && !main.contains(".")) {
      main = main + ".js";
    }
    Map<String, Run> runs = new LinkedHashMap<>();
    JsonNode scripts = json.path("scripts");
    boolean any = false;
    for (String name : NpmLifecycle.INSTALL.stream().sorted().toList()) {
      JsonNode s = scripts.path(name);
      if (!s.isTextual()) {
        continue;
      }
      any = true;
      ShellCommands.parse(s.asText()).ifPresent(p -> {
        for (Cmd c : p.commands()) {
          runFile(c).ifPresent(r -> runs.putIfAbsent(r.getKey(), new Run(r.getValue(), name, c.text())));
        }
      });
    }
    return new Hooks(root, Map.copyOf(runs), main, any);
  }

  /** The file a command runs and how: {@code node x}, {@code sh x}, {@code ./x}, {@code python x}. */
  static Optional<Map.Entry<String, Runner>> runFile(Cmd c) {
    String n = c.name();
    Runner runner = switch (n) {
      case "node", "nodejs" -> Runner.NODE;
      case "sh", "bash", "zsh", "dash", "source", "." -> Runner.SHELL;
      case "python", "python3", "python2" -> Runner.PYTHON;
      default -> null;
    };
    if (runner != null) {
      List<String> a = c.args();
      for (int i = 0; i < a.size(); i++) {
        String arg = a.get(i);
        if (arg.equals("-e") || arg.equals("-c") || arg.equals("--eval") || arg.equals("-p")) {
          return Optional.empty();
        }
        if (arg.equals("-r") || arg.equals("--require")) {
          i++;
          continue;
        }
        if (!arg.startsWith("-")) {
          return Optional.of(Map.entry(normalize(arg), runner));
        }
      }
      return Optional.empty();
    }
    String raw = c.rawName();
    if (raw.startsWith("./") || raw.contains("/") && !raw.startsWith("/") && !raw.startsWith("$")) {
      Runner how = raw.endsWith(".js") || raw.endsWith(".cjs") || raw.endsWith(".mjs") ? Runner.NODE
          : raw.endsWith(".py") ? Runner.PYTHON : Runner.SHELL;
      return Optional.of(Map.entry(normalize(raw), how));
    }
    return Optional.empty();
  }

  static String normalize(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    List<String> parts = new ArrayList<>();
    for (String seg : s.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(seg);
    }
    return String.join("/", parts);
  }
}
