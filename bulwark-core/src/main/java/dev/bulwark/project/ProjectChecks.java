package dev.bulwark.project;

import com.google.re2j.Pattern;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Category;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The project-level checks: what the execution surface runs, env-file URLs, dependency sources. */
final class ProjectChecks {
  /** Downloads piped into an interpreter, or fetch-and-run one-liners. RE2: linear time. */
  static final Pattern DOWNLOAD_EXEC = Pattern.compile(
      "(?i)(curl|wget|iwr|invoke-webrequest|invoke-restmethod|irm|fetch)\\b[^\\n|]{0,400}\\|\\s*(sudo\\s+)?(ba|z|da)?sh\\b"
          + "|(curl|wget)\\b[^\\n|]{0,400}\\|\\s*(node|python3?|perl|ruby)\\b"
          + "|\\|\\s*(iex|invoke-expression)\\b"
          + "|(curl|wget|iwr|irm|invoke-webrequest)\\b[^\\n|]{0,400}\\|\\s*(cmd|cmd\\.exe|powershell|pwsh)\\b"
          + "|(powershell|pwsh)(\\.exe)?\\s[^\\n]{0,100}-e(nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{20,}"
          + "|(curl|wget)\\b[^\\n]{0,300}(\\s-[A-Za-z]*[oO]\\s*|\\s--output[=\\s]\\s*|>\\s*)\\S+[^\\n]{0,120}(&&|;)\\s*(node|python3?|sh|bash|chmod|\\./)"
          + "|node\\s+-e\\s[^\\n]{0,300}(https?:|require\\(['\"]https?['\"]\\)|fetch\\(|eval\\()"
          + "|python3?\\s+-c\\s[^\\n]{0,200}(urllib|requests|exec)"
          + "|base64\\s+(-d|--decode)[^\\n]{0,100}\\|\\s*(ba)?sh"
          + "|certutil[^\\n]{0,80}-urlcache|bitsadmin[^\\n]{0,80}/transfer");
  private static final Pattern URLISH = Pattern.compile("(?i)\\b(https?|ftp)://");
  private static final Set<String> ASSET_EXT = Set.of(".woff", ".woff2", ".ttf", ".otf", ".eot",
      ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".bmp", ".css", ".txt", ".md",
      ".map", ".csv", ".lock", ".pdf", ".mp3", ".mp4", ".wav", ".log", ".dat", ".bin");
  private static final Pattern BASE64_VALUE = Pattern.compile("^[A-Za-z0-9+/_-]{16,}={0,2}$");
  private static final Pattern FETCH = Pattern.compile(
      "\\baxios\\b|\\bfetch\\s*\\(|\\bhttps?\\.(get|request)\\s*\\(|\\brequest\\s*\\(|\\bgot\\s*\\(|\\bneedle\\b|\\brequests\\.(get|post)|urlopen\\s*\\(");
  private static final Pattern EXEC = Pattern.compile(
      "\\beval\\s*\\(|\\bFunction\\s*\\(|Function\\.constructor|new\\s+Function\\b|vm\\.run|\\bexec\\s*\\(|\\bcompile\\s*\\(|runInThisContext|runInNewContext");

  private final ProjectTree tree;
  private final ExecutionSurface surface;
  private final Map<String, List<Finding>> codeThreatsByFile;
  private final List<Finding> out = new ArrayList<>();

  ProjectChecks(ProjectTree tree, ExecutionSurface surface,
      Map<String, List<Finding>> codeThreatsByFile) {
    this.tree = tree;
    this.surface = surface;
    this.codeThreatsByFile = codeThreatsByFile;
  }

  List<Finding> run(List<Inventory> inventories, List<AuditFinding> audit) {
    triggers();
    notes();
    envFiles();
    out.addAll(new DependencyChecks().run(inventories, audit));
    out.sort(null);
    return out;
  }

  private void triggers() {
    for (Trigger t : surface.triggers()) {
      String cmd = t.command();
      boolean padded = cmd.contains(" ".repeat(60)) || paddedInFile(t.location());
      boolean download = DOWNLOAD_EXEC.matcher(cmd).find();
      switch (t.kind()) {
        case FOLDER_OPEN -> {
          // A watcher or build that runs only tools (tsc -watch) and no project script is how
          // honest projects use folderOpen; anything that runs project files needs a look.
          boolean runsProjectCode = t.runs().stream().anyMatch(f -> !CommandResolver.isToolConfig(f));
          boolean otherCommands = !CommandResolver.simpleCommands(cmd).stream()
              .allMatch(w -> !w.isEmpty() && List.of("npm", "yarn", "pnpm", "tsc", "bun")
                  .contains(w.get(0)));
          Severity sev = download ? Severity.CRITICAL : padded ? Severity.HIGH
              : runsProjectCode || otherCommands ? Severity.MEDIUM : Severity.LOW;
          out.add(ProjectRules.FOLDER_OPEN_TASK.at(sev, true, t.location(), cmd, "",
              "Opening this folder in VS Code or Cursor runs: " + Snip.of(cmd)
                  + (padded ? " (the command is hidden behind a long run of spaces)" : "")
                  + (download ? " (it downloads code and runs it)" : "")));
        }
        case DEVCONTAINER -> out.add(ProjectRules.DEVCONTAINER_COMMAND.at(
            download ? Severity.CRITICAL : Severity.LOW, download, t.location(), cmd, "",
            t.name() + " runs: " + Snip.of(cmd)));
        case GIT -> git(t, download);
        case INSTALL -> install(t, download);
        default -> {
          if (download && t.kind() == TriggerKind.MAKE && maintainerTarget(t.name())) {
            // fp: a release or tooling target of a source tree's Makefile is run by its
            // maintainers, not by someone trying the project: a capability, not a threat.
            out.add(ProjectRules.HOOK_DOWNLOADS.at(Severity.LOW, false, t.location(), cmd, "",
                t.name() + " (a maintainer target) downloads code and runs it: " + Snip.of(cmd)));
          } else if (download && t.kind() == TriggerKind.MAKE && !newcomerTarget(t.name())
              && !padded && !RAW_IP_URL.matcher(cmd).find()) {
            // fp (Python source trees): `make install-poetry: curl … | python -`. Only a target
            // that someone trying the project runs (plain make, setup, install, run, test …) is
            // a trap; another named target runs when a developer picks it, so an installer
            // fetched by host name there is a capability. From a bare IP address it stays a threat.
            out.add(ProjectRules.HOOK_DOWNLOADS.at(Severity.LOW, false, t.location(), cmd, "",
                t.name() + " (a target you run only on purpose) downloads code and runs it: "
                    + Snip.of(cmd)));
          } else if (download) {
            // from a bare IP address, or hidden behind padding, the command someone trying the
            // project runs first (npm start, make) is the trap itself
            boolean first = t.kind() == TriggerKind.RUN || t.kind() == TriggerKind.MAKE && newcomerTarget(t.name());
            boolean bare = RAW_IP_URL.matcher(cmd).find();
            out.add(ProjectRules.HOOK_DOWNLOADS.at(first && (bare || padded) ? Severity.CRITICAL : Severity.HIGH, true,
                t.location(), cmd, "", t.name() + " downloads code and runs it"
                    + (bare ? " from a bare IP address" : "") + (padded ? " (hidden behind a long run of spaces)" : "")
                    + ": " + Snip.of(cmd)));
          }
        }
      }
      disguised(t);
      reachesThreat(t);
    }
    emitReaches();
  }

  private void git(Trigger t, boolean download) {
    if (t.location().file().equals(".git/config")) {
      out.add(ProjectRules.GIT_CONFIG_EXEC.at(download ? Severity.CRITICAL : Severity.HIGH, true,
          t.location(), t.command(), "", "The repository's .git/config makes git run `"
              + Snip.of(t.command()) + "` (" + t.name() + ")"
              + (download ? ", which downloads code and runs it." : ".")));
      return;
    }
    String body = tree.text(t.location().file()).orElse("");
    if (download || DOWNLOAD_EXEC.matcher(body).find()) {
      out.add(ProjectRules.HOOK_DOWNLOADS.at(SourceLocation.of(t.location().file(),
          lineOfMatch(body)), firstMatchLine(body), "",
          "The " + t.name() + " downloads code and runs it whenever git fires it."));
    }
  }

  private void install(Trigger t, boolean download) {
    if (download) {
      out.add(ProjectRules.HOOK_DOWNLOADS.at(Severity.CRITICAL, true, t.location(), t.command(), "",
          t.name() + " downloads code and runs it during npm install: " + Snip.of(t.command())));
    }
    if (t.runs().isEmpty()) {
      return;
    }
    // Tools (nuxt prepare, next build) load their config files; that is not starting the app.
    boolean runsApp = !CommandResolver.isToolConfig(t.runs().get(0))
        && surface.of(TriggerKind.RUN).stream().anyMatch(r -> !r.runs().isEmpty()
            && !CommandResolver.isToolConfig(r.runs().get(0)) && t.runs().contains(r.runs().get(0)));
    if (runsApp) {
      out.add(ProjectRules.INSTALL_RUNS_APP.at(t.location(), t.command(), "",
          t.name() + " starts the application (" + t.runs().get(0) + ") during npm install."));
    }
  }

  private void disguised(Trigger t) {
    for (String f : t.asCode().subList(0, Math.min(5, t.asCode().size()))) {
      String lower = f.toLowerCase(Locale.ROOT);
      int dot = lower.lastIndexOf('.');
      // fp (starters): `import logo from './assets/react.svg'` and CSS modules, followed from a
      // server entry. A file that really is the image, font or stylesheet its name says (content
      // JavaScript cannot parse) is loaded as an asset, not run; a loader under an asset's name is.
      if (dot > 0 && ASSET_EXT.contains(lower.substring(dot))
          && !tree.file(f).map(a -> AssetContent.isGenuine(f, a.content())).orElse(false)) {
        out.add(ProjectRules.RUNS_NON_CODE_FILE.at(t.location(), t.command(), "",
            t.name() + " runs " + f + ", which is named like an asset but is executed as code."));
      }
    }
  }

  /** Makefile targets that only a project's maintainers run (releases, docs, linters, tooling). */
  private static final java.util.Set<String> MAINTAINER_TARGETS = java.util.Set.of("release",
      "publish", "deploy", "upload", "dist", "sdist", "wheel", "docs", "doc", "html", "lint", "fmt",
      "format", "tools", "install-tools", "tools-install", "bump", "tag", "changelog", "coverage",
      "bench", "benchmark", "ci", "clean", "distclean", "docker-push", "push", "sign", "notarize");

  /** Makefile targets that someone trying a project runs without reading the Makefile. */
  private static final java.util.Set<String> NEWCOMER_TARGETS = java.util.Set.of("all", "install",
      "setup", "run", "start", "dev", "develop", "serve", "server", "build", "test", "tests",
      "check", "bootstrap", "init", "deps", "dependencies", "requirements", "venv", "env",
      "default", "main", "app", "up", "demo", "local", "configure", "prepare", "compile");
  private static final Pattern RAW_IP_URL =
      Pattern.compile("(?i)\\b(?:https?|ftp)://\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

  private boolean newcomerTarget(String triggerName) {
    String target = triggerName.startsWith("make ") ? triggerName.substring(5).trim() : triggerName;
    if (NEWCOMER_TARGETS.contains(target.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String makefile = tree.text("Makefile").orElse(tree.text("makefile").orElse(""));
    return target.equals(SurfaceBuilder.defaultMakeGoal(makefile));
  }

  static boolean maintainerTarget(String triggerName) {
    String target = triggerName.startsWith("make ") ? triggerName.substring(5).trim() : triggerName;
    return MAINTAINER_TARGETS.contains(target.toLowerCase(java.util.Locale.ROOT));
  }

  /** Triggers of one kind that reach one flagged place: one finding naming them all. */
  private record Reach(TriggerKind kind, Finding worst, String chain, List<String> names,
      String obfuscation) {}

  private final Map<String, Reach> reaches = new java.util.TreeMap<>();

  private void reachesThreat(Trigger t) {
    for (int i = 0; i < t.runs().size(); i++) {
      String f = t.runs().get(i);
      List<Finding> threats = codeThreatsByFile.getOrDefault(f, List.of());
      if (threats.isEmpty()) {
        continue;
      }
      Finding worst = threats.get(0);
      String chain = t.chains().stream().filter(c -> c.endsWith(f)).findFirst().orElse(f);
      String obfuscation = obfuscation(threats);
      reaches.computeIfAbsent(t.kind().ordinal() + "|" + worst.location(),
          k -> new Reach(t.kind(), worst, chain, new ArrayList<>(), obfuscation)).names().add(t.name());
    }
  }

  /**
   * The ids of the obfuscation and evasion threats of a file, when there are two different rules
   * (else ""): obfuscator string tables and names, packing, hidden padding, minification among
   * readable source (obfuscator
   * string tables and names, packing, hidden padding, minification among readable source). A
   * project's own code that an ordinary action runs has no reason to be obfuscated; a take-home
   * repository's loader nearly always is.
   */
  private static String obfuscation(List<Finding> threats) {
    List<String> ids = threats.stream()
        .filter(f -> f.category() == Category.OBFUSCATION || f.category() == Category.EVASION)
        .map(Finding::ruleId).distinct().sorted().toList();
    return ids.size() >= 2 ? String.join(", ", ids) : "";
  }

  private void emitReaches() {
    for (Reach r : reaches.values()) {
      Finding w = r.worst();
      Severity sev = w.severity().atLeast(Severity.HIGH) ? w.severity()
          : !r.obfuscation().isEmpty() ? Severity.CRITICAL : Severity.MEDIUM;
      out.add(ProjectRules.TRIGGER_REACHES_THREAT.at(sev, true, w.location(), w.snippet(),
          w.decoded(), r.kind().description() + " (" + String.join("; ", r.names()) + ") runs "
              + r.chain() + (sev == Severity.CRITICAL && !w.severity().atLeast(Severity.HIGH)
                  ? ", an obfuscated file (" + r.obfuscation() + ")"
                  : which(w.message()))));
    }
  }

  private void notes() {
    for (String n : surface.notes()) {
      if (n.contains("task.allowAutomaticTasks")) {
        out.add(ProjectRules.AUTO_TASKS_ALLOWED.at(SourceLocation.of(".vscode/settings.json",
            Jsonc.lineOf(tree.text(".vscode/settings.json").orElse(""), "allowAutomaticTasks")),
            "\"task.allowAutomaticTasks\": \"on\"", "", n));
      } else if (n.contains("sets git's core.hooksPath")) {
        String file = n.substring(0, n.indexOf(' '));
        String text = tree.text(file).orElse("");
        out.add(ProjectRules.HOOKS_PATH.at(Severity.MEDIUM, false,
            SourceLocation.of(file, Jsonc.lineOf(text, "core.hooksPath")),
            lineContaining(text, "core.hooksPath"), "", n + "; git will run hooks from there."));
      }
    }
  }

  private void envFiles() {
    for (ArtifactFile f : tree.files()) {
      String name = f.fileName().toLowerCase(Locale.ROOT);
      if (!(name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")
          || name.equals(".config.env")) || f.content().length > 256 * 1024) {
        continue;
      }
      String[] lines = new String(f.content(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].trim();
        int eq = l.indexOf('=');
        if (l.startsWith("#") || eq <= 0) {
          continue;
        }
        String key = l.substring(0, eq).trim().replace("export ", "");
        String value = l.substring(eq + 1).trim().replace("\"", "").replace("'", "");
        String decoded = decodeUrl(value);
        if (decoded.isEmpty()) {
          continue;
        }
        SourceLocation loc = SourceLocation.of(f.path(), i + 1);
        out.add(ProjectRules.ENV_ENCODED_URL.at(loc, l, decoded,
            key + " in " + f.path() + " is a base64-encoded web address: " + Snip.of(decoded)));
        usersOf(key, decoded);
      }
    }
  }

  /** Code files that read {@code key} and both fetch and execute. */
  private void usersOf(String key, String decoded) {
    for (ArtifactFile f : tree.files()) {
      if (!ImportGraph.isScript(f.path()) && !f.path().endsWith(".py") || f.content().length > (2 << 20)) {
        continue;
      }
      String text = new String(f.content(), StandardCharsets.UTF_8);
      int at = text.indexOf(key);
      if (at < 0 || !FETCH.matcher(text).find() || !EXEC.matcher(text).find()) {
        continue;
      }
      int line = 1;
      for (int k = 0; k < at; k++) {
        if (text.charAt(k) == '\n') {
          line++;
        }
      }
      out.add(ProjectRules.ENV_URL_FETCHED.at(SourceLocation.of(f.path(), line),
          lineContaining(text, key), decoded, f.path() + " decodes " + key + " ("
              + Snip.of(decoded) + "), downloads it and runs what comes back."));
    }
  }

  static String decodeUrl(String value) {
    if (value.length() < 16 || value.length() > 4096 || !BASE64_VALUE.matcher(value).matches()) {
      return "";
    }
    byte[] b;
    try {
      b = value.contains("-") || value.contains("_")
          ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return "";
    }
    String s = new String(b, StandardCharsets.UTF_8).trim();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == 0xfffd) {
        return "";
      }
    }
    return URLISH.matcher(s).find() ? s : "";
  }

  private boolean paddedInFile(SourceLocation loc) {
    String text = tree.text(loc.file()).orElse("");
    String[] lines = text.split("\n", -1);
    if (loc.line() < 1 || loc.line() > lines.length) {
      return false;
    }
    return lines[loc.line() - 1].contains(" ".repeat(60));
  }

  private static int lineOfMatch(String body) {
    com.google.re2j.Matcher m = DOWNLOAD_EXEC.matcher(body);
    if (!m.find()) {
      return 1;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (body.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstMatchLine(String body) {
    com.google.re2j.Matcher m = DOWNLOAD_EXEC.matcher(body);
    if (!m.find()) {
      return "";
    }
    int s = body.lastIndexOf('\n', m.start()) + 1;
    int e = body.indexOf('\n', m.start());
    return body.substring(s, e < 0 ? body.length() : e);
  }

  private static String lineContaining(String text, String needle) {
    int i = text.indexOf(needle);
    if (i < 0) {
      return "";
    }
    int s = text.lastIndexOf('\n', i) + 1;
    int e = text.indexOf('\n', i);
    return text.substring(s, e < 0 ? text.length() : e);
  }

  /** ", which creates …" for a message that starts with a verb; ", where a hook …" otherwise. */
  static String which(String message) {
    String first = message.split(" ", 2)[0];
    boolean noun = List.of("A", "An", "The", "This", "Code", "Project").contains(first);
    return (noun ? ", where " : ", which ") + lowerFirst(message);
  }

  private static String lowerFirst(String s) {
    if (s.isEmpty()) {
      return s;
    }
    String r = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
  }
}
