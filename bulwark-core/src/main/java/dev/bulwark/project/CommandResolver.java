package dev.bulwark.project;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out which project files a shell command would run: {@code node server.js}, {@code npm run
 * dev} (recursively, through package.json scripts), {@code concurrently "a" "b"}, tools that load
 * config files ({@code next}, {@code vite}, {@code jest}, …) and any argument that names a project
 * file. Hand-written: a small tokeniser is all this needs, and no shell is ever run.
 */
final class CommandResolver {
  private static final int MAX_DEPTH = 6;
  /** Tools that load config files from the working directory, and the files they load. */
  // Tools that build CSS also load the PostCSS config, and through it the Tailwind config.
  private static final Map<String, List<String>> TOOL_CONFIGS = Map.ofEntries(
      Map.entry("next", withCss("next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs")),
      Map.entry("vite", withCss("vite.config.js", "vite.config.mjs", "vite.config.ts", "vite.config.cjs", "vite.config.mts")),
      Map.entry("vitest", List.of("vitest.config.js", "vitest.config.ts", "vite.config.js", "vite.config.ts")),
      Map.entry("jest", List.of("jest.config.js", "jest.config.ts", "jest.config.mjs", "jest.config.cjs", "jest.setup.js")),
      Map.entry("webpack", withCss("webpack.config.js", "webpack.config.ts", "webpack.config.cjs")),
      Map.entry("webpack-dev-server", withCss("webpack.config.js", "webpack.config.ts")),
      Map.entry("eslint", List.of("eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", ".eslintrc.js", ".eslintrc.cjs")),
      Map.entry("babel", List.of("babel.config.js", "babel.config.cjs", ".babelrc.js")),
      Map.entry("tailwindcss", List.of("tailwind.config.js", "tailwind.config.ts", "tailwind.config.cjs")),
      Map.entry("postcss", List.of("postcss.config.js", "postcss.config.cjs", "postcss.config.mjs")),
      Map.entry("nuxt", withCss("nuxt.config.js", "nuxt.config.ts")),
      Map.entry("nuxi", withCss("nuxt.config.js", "nuxt.config.ts")),
      Map.entry("astro", withCss("astro.config.mjs", "astro.config.ts")),
      Map.entry("svelte-kit", withCss("svelte.config.js", "vite.config.js", "vite.config.ts")),
      Map.entry("gatsby", withCss("gatsby-config.js", "gatsby-node.js")),
      Map.entry("react-scripts", withCss("src/index.js", "src/index.tsx", "src/setupTests.js", "src/setupProxy.js")),
      Map.entry("craco", withCss("craco.config.js")),
      Map.entry("vue-cli-service", withCss("vue.config.js")),
      Map.entry("parcel", withCss(".postcssrc.js")),
      Map.entry("remix", withCss("remix.config.js", "vite.config.ts", "vite.config.js")),
      Map.entry("storybook", List.of(".storybook/main.js", ".storybook/main.ts", ".storybook/preview.js")),
      Map.entry("start-storybook", List.of(".storybook/main.js", ".storybook/main.ts", ".storybook/preview.js")),
      Map.entry("expo", List.of("app.config.js", "app.config.ts", "metro.config.js", "babel.config.js")),
      Map.entry("react-native", List.of("metro.config.js", "babel.config.js")),
      Map.entry("nest", List.of("src/main.ts", "nest-cli.json")),
      Map.entry("hardhat", List.of("hardhat.config.js", "hardhat.config.ts")),
      Map.entry("truffle", List.of("truffle-config.js", "truffle.js")),
      Map.entry("mocha", List.of(".mocharc.js", ".mocharc.cjs")),
      Map.entry("playwright", List.of("playwright.config.ts", "playwright.config.js")),
      Map.entry("cypress", List.of("cypress.config.js", "cypress.config.ts")),
      Map.entry("rollup", List.of("rollup.config.js", "rollup.config.mjs")),
      Map.entry("gulp", List.of("gulpfile.js")),
      Map.entry("grunt", List.of("Gruntfile.js")));
  private static List<String> withCss(String... own) {
    List<String> out = new ArrayList<>(List.of(own));
    out.addAll(List.of("postcss.config.js", "postcss.config.cjs", "postcss.config.mjs", "tailwind.config.js", "tailwind.config.ts", "tailwind.config.cjs"));
    return List.copyOf(out);
  }

  /** Runners whose first non-flag argument is a script file. */
  private static final Set<String> RUNNERS = Set.of("node", "nodemon", "ts-node", "ts-node-dev",
      "tsx", "bun", "deno", "python", "python3", "pythonw", "py", "sh", "bash", "zsh", "dash",
      "pm2", "forever", "babel-node", "esno", "esr", "supervisor", "electron", "uvicorn", "gunicorn",
      "flask");
  private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "yarn", "pnpm", "bun");
  /** More programs whose first operand is a file they execute (used only for {@code asCode}). */
  private static final Set<String> INTERPRETERS = Set.of("source", ".", "perl", "ruby", "php",
      "lua", "Rscript", "osascript", "wscript", "cscript", "powershell", "pwsh", "ksh", "fish",
      "node.exe", "python.exe", "python2", "ipython", "mocha", "tape", "tap", "ava");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "fish");
  private static final Set<String> MANAGERS = Set.of("pm2", "forever");
  private static final Set<String> PRELOAD_FLAGS = Set.of("-r", "--require", "--import",
      "--loader", "--experimental-loader", "-File", "-file");

  private final Map<String, String> scripts;
  private final String dir;
  private final Set<String> files;

  /**
   * @param scripts the package.json scripts of the package the command belongs to
   * @param dir that package's folder ("" for the root)
   * @param files every project file path
   */
  CommandResolver(Map<String, String> scripts, String dir, Set<String> files) {
    this.scripts = scripts;
    this.dir = dir;
    this.files = files;
  }

  /** True for a config file that a build tool loads (next.config.js, vite.config.ts, …). */
  static boolean isToolConfig(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TOOL_CONFIGS.values().stream().anyMatch(l -> l.stream().anyMatch(c -> c.contains("/")
        ? path.equals(c) || path.endsWith("/" + c) : c.equals(name)));
  }

  /**
   * The project files a command line touches.
   *
   * @param entries every project file it names or runs, in order, without duplicates: the files an
   *     interpreter runs, the command itself, tool configs, and files given to any other tool
   * @param asCode the subset that is certainly executed as code: the command word when it is a
   *     project file, an interpreter's script and preloads ({@code node -r F}, {@code python -m M},
   *     {@code sh -c "…"} resolved again), and the configs a build tool loads. A file merely given
   *     to some other tool ({@code pandoc README.txt}, {@code pip install -r requirements.txt},
   *     {@code mdl README.md}) is read by it, not run.
   */
  record Resolved(List<String> entries, List<String> asCode) {
    Resolved {
      entries = List.copyOf(entries);
      asCode = List.copyOf(asCode);
    }
  }

  /** Entry files the command runs, in order, without duplicates. */
  List<String> entries(String command) {
    return resolveAll(command).entries();
  }

  Resolved resolveAll(String command) {
    Set<String> out = new LinkedHashSet<>();
    Set<String> code = new LinkedHashSet<>();
    resolve(command, new Sink(out, code), new LinkedHashSet<>(), 0);
    return new Resolved(new ArrayList<>(out), new ArrayList<>(code));
  }

  /** Where resolved files go: every entry, and the ones executed as code. */
  private record Sink(Set<String> entries, Set<String> code) {}

  private void resolve(String command, Sink out, Set<String> seenScripts, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (List<String> words : simpleCommands(command)) {
      resolveSimple(words, out, seenScripts, depth);
    }
  }

  private void resolveSimple(List<String> w, Sink out, Set<String> seen, int depth) {
    int i = 0;
    // skip env assignments and wrappers: FOO=1 cross-env NODE_ENV=x node a.js
    while (i < w.size() && (w.get(i).contains("=") && !w.get(i).startsWith("-")
        || w.get(i).equals("cross-env") || w.get(i).equals("env") || w.get(i).equals("npx")
        || w.get(i).equals("exec") || w.get(i).equals("nohup") || w.get(i).equals("sudo")
        || w.get(i).equals("dotenv") || w.get(i).equals("--"))) {
      i++;
    }
    if (i >= w.size()) {
      return;
    }
    String cmd = baseName(w.get(i));
    List<String> args = w.subList(i + 1, w.size());
    if (PACKAGE_MANAGERS.contains(cmd)) {
      packageManager(args, out, seen, depth);
    } else if (cmd.equals("concurrently") || cmd.equals("npm-run-all") || cmd.equals("run-p")
        || cmd.equals("run-s")) {
      for (String a : args) {
        if (!a.startsWith("-")) {
          if (a.contains(" ")) {
            resolve(a, out, seen, depth + 1);
          } else if (scripts.containsKey(a)) {
            script(a, out, seen, depth);
          }
        }
      }
    } else if (TOOL_CONFIGS.containsKey(cmd)) {
      for (String c : TOOL_CONFIGS.get(cmd)) {
        addIfFile(c, out, true);
      }
    }
    String first = path(w.get(i)); // null for a URL or a path that leaves the project
    if (RUNNERS.contains(cmd) || w.get(i).startsWith("./") || first != null && files.contains(first)) {
      addIfFile(w.get(i), out, true);
    }
    boolean interpreter = RUNNERS.contains(cmd) || INTERPRETERS.contains(cmd);
    boolean scriptSeen = false;
    for (int k = 0; k < args.size(); k++) {
      String a = args.get(k);
      if (interpreter && PRELOAD_FLAGS.contains(a) && k + 1 < args.size()) {
        addIfFile(args.get(++k), out, true); // node -r ./x, --import, --loader
      } else if (interpreter && a.equals("-c") && k + 1 < args.size() && SHELLS.contains(cmd)) {
        resolve(args.get(++k), out, seen, depth + 1); // sh -c "node x"
        scriptSeen = true;
      } else if (!a.startsWith("-")) {
        // the interpreter's script is its first operand (pm2/forever: after "start")
        boolean script = interpreter && !scriptSeen && !(a.equals("start") && MANAGERS.contains(cmd));
        addIfFile(a, out, script);
        scriptSeen |= script;
      }
    }
    int m = args.indexOf("-m");
    if (m >= 0 && m + 1 < args.size()) {
      String mod = args.get(m + 1).replace('.', '/');
      addIfFile(mod + ".py", out, interpreter);
      addIfFile(mod + "/__main__.py", out, interpreter);
    }
  }

  private void packageManager(List<String> args, Sink out, Set<String> seen, int depth) {
    if (args.isEmpty()) {
      return;
    }
    String sub = args.get(0);
    String name;
    if (sub.equals("run") || sub.equals("run-script")) {
      name = args.size() > 1 ? args.get(1) : "";
    } else if (sub.equals("start") || sub.equals("test") || sub.equals("t")) {
      name = sub.equals("t") ? "test" : sub;
    } else {
      name = sub; // yarn dev, pnpm dev
    }
    if (scripts.containsKey(name)) {
      script(name, out, seen, depth);
    }
  }

  private void script(String name, Sink out, Set<String> seen, int depth) {
    if (seen.add(name)) {
      for (String pre : List.of("pre" + name, name, "post" + name)) {
        if (scripts.containsKey(pre)) {
          resolve(scripts.get(pre), out, seen, depth + 1);
        }
      }
    }
  }

  private void addIfFile(String arg, Sink out, boolean asCode) {
    String p = path(arg);
    String found = null;
    if (p != null && files.contains(p)) {
      found = p;
    } else if (p != null && !p.contains(".")) {
      for (String ext : List.of(".js", ".ts", ".mjs", ".cjs", ".py", ".sh", "/index.js")) {
        if (files.contains(p + ext)) {
          found = p + ext;
          break;
        }
      }
    }
    if (found != null) {
      out.entries().add(found);
      if (asCode) {
        out.code().add(found);
      }
    }
  }

  private String path(String arg) {
    String a = arg;
    if (a.startsWith("\"") || a.startsWith("'")) {
      a = a.substring(1);
    }
    if (a.endsWith("\"") || a.endsWith("'")) {
      a = a.substring(0, a.length() - 1);
    }
    if (a.isEmpty() || a.contains("://")) {
      return null;
    }
    return ImportGraph.normalize(dir.isEmpty() ? a : dir + "/" + a);
  }

  private static String baseName(String w) {
    int i = w.lastIndexOf('/');
    return i < 0 ? w : w.substring(i + 1);
  }

  /**
   * Splits a command line on {@code && || ; |} and newlines into simple commands, and each into
   * words, honouring single and double quotes (a quoted word keeps its inner text, unquoted).
   */
  static List<List<String>> simpleCommands(String line) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    int n = Math.min(line.length(), 100_000);
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < n) {
          cur.append(line.charAt(++i));
        } else {
          cur.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '&' || c == '|' || c == ';' || c == '\n') {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        if (!words.isEmpty()) {
          out.add(words);
          words = new ArrayList<>();
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        if (c == '\\' && i + 1 < n) {
          c = line.charAt(++i);
        }
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    if (!words.isEmpty()) {
      out.add(words);
    }
    return out;
  }
}
