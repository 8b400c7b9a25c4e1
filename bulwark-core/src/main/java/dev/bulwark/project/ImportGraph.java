package dev.bulwark.project;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.artifact.ArtifactFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows {@code require}/{@code import} (JavaScript, TypeScript) and {@code import}/{@code from}
 * (Python) through a project's own files, to say which files a trigger would load. Only local
 * paths are followed; packages from node_modules or site-packages are not. Patterns are RE2
 * (linear time) because the files are untrusted; a file's first 2 MiB are searched.
 */
final class ImportGraph {
  private static final int MAX_FILES = 2_000;
  private static final int MAX_SCAN_BYTES = 2 << 20;
  private static final Pattern JS_IMPORT = Pattern.compile(
      "(?:require\\s*\\(\\s*|import\\s*\\(\\s*|\\bfrom\\s*|\\bimport\\s+)['\"`](\\.{1,2}/[^'\"`\\n]{1,300}|/[^'\"`\\n]{1,300})['\"`]");
  private static final Pattern PY_IMPORT = Pattern.compile(
      "(?m)^[ \\t]*(?:from[ \\t]+(\\.*[A-Za-z0-9_.]*)[ \\t]+import[ \\t]+([A-Za-z0-9_, \\t*()]+)|import[ \\t]+([A-Za-z0-9_.]+))");
  private static final List<String> JS_EXT =
      List.of("", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts", ".json",
          "/index.js", "/index.mjs", "/index.cjs", "/index.ts", "/index.tsx", "/index.jsx");

  private final Map<String, ArtifactFile> files;

  ImportGraph(Map<String, ArtifactFile> files) {
    this.files = files;
  }

  /** The result of following imports from some entry files. */
  record Reach(List<String> files, List<String> chains) {}

  /** Breadth-first from the entries; returns every reached file and the chain to each. */
  Reach follow(List<String> entries) {
    Map<String, String> parent = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String e : entries) {
      if (files.containsKey(e) && !parent.containsKey(e)) {
        parent.put(e, "");
        queue.add(e);
      }
    }
    while (!queue.isEmpty() && parent.size() < MAX_FILES) {
      String f = queue.poll();
      for (String dep : imports(f)) {
        if (!parent.containsKey(dep)) {
          parent.put(dep, f);
          queue.add(dep);
        }
      }
    }
    List<String> chains = new ArrayList<>();
    for (Map.Entry<String, String> e : parent.entrySet()) {
      if (!e.getValue().isEmpty()) {
        chains.add(chain(e.getKey(), parent));
      }
    }
    return new Reach(new ArrayList<>(parent.keySet()), chains);
  }

  private static String chain(String f, Map<String, String> parent) {
    List<String> c = new ArrayList<>();
    String cur = f;
    while (!cur.isEmpty() && c.size() < 50) {
      c.add(0, cur);
      cur = parent.getOrDefault(cur, "");
    }
    return String.join(" → ", c);
  }

  /** Local files this file loads. */
  List<String> imports(String path) {
    ArtifactFile f = files.get(path);
    if (f == null) {
      return List.of();
    }
    String text = new String(f.content(), 0, Math.min(f.content().length, MAX_SCAN_BYTES),
        StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    if (path.endsWith(".py")) {
      python(path, text, out);
    } else if (isScript(path) || !path.contains(".")) {
      Matcher m = JS_IMPORT.matcher(text);
      while (m.find()) {
        resolveJs(path, m.group(1)).ifPresent(out::add);
      }
    }
    return out;
  }

  private static final List<String> SCRIPT_EXT =
      List.of(".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts", ".vue", ".svelte");

  static boolean isScript(String path) {
    for (String e : SCRIPT_EXT) {
      if (path.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  Optional<String> resolveJs(String from, String spec) {
    String base = spec.startsWith("/") ? spec.substring(1) : join(dir(from), spec);
    if (base == null) {
      return Optional.empty();
    }
    for (String ext : JS_EXT) {
      String cand = normalize(base + ext);
      if (cand != null && files.containsKey(cand)) {
        return Optional.of(cand);
      }
    }
    return Optional.empty();
  }

  private void python(String path, String text, List<String> out) {
    Matcher m = PY_IMPORT.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        String mod = m.group(1);
        resolvePy(path, mod).ifPresent(out::add);
        for (String name : m.group(2).replace("(", "").replace(")", "").split(",")) {
          String n = name.trim().split("[ \\t]")[0];
          if (!n.isEmpty() && !n.equals("*")) {
            resolvePy(path, mod.endsWith(".") ? mod + n : mod + "." + n).ifPresent(out::add);
          }
        }
      } else if (m.group(3) != null) {
        resolvePy(path, m.group(3)).ifPresent(out::add);
      }
    }
  }

  Optional<String> resolvePy(String from, String module) {
    int dots = 0;
    while (dots < module.length() && module.charAt(dots) == '.') {
      dots++;
    }
    String rest = module.substring(dots).replace('.', '/');
    List<String> bases = new ArrayList<>();
    if (dots > 0) {
      String d = dir(from);
      for (int i = 1; i < dots && !d.isEmpty(); i++) {
        d = parentDir(d);
      }
      bases.add(d.isEmpty() ? rest : d + (rest.isEmpty() ? "" : "/" + rest));
    } else {
      bases.add(rest);
      String d = dir(from);
      if (!d.isEmpty()) {
        bases.add(d + "/" + rest);
      }
    }
    for (String b : bases) {
      for (String cand : List.of(b + ".py", b + "/__init__.py")) {
        String n = normalize(cand);
        if (n != null && files.containsKey(n)) {
          return Optional.of(n);
        }
      }
    }
    return Optional.empty();
  }

  static String dir(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "" : path.substring(0, i);
  }

  private static String parentDir(String d) {
    int i = d.lastIndexOf('/');
    return i < 0 ? "" : d.substring(0, i);
  }

  private static String join(String dir, String rel) {
    return dir.isEmpty() ? rel : dir + "/" + rel;
  }

  /** Resolves "." and ".." segments; null when the path escapes the project. */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
