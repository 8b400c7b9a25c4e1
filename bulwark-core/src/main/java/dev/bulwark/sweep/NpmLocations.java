package dev.bulwark.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where npm packages live on a machine, and how to read names from its caches. */
final class NpmLocations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_INDEX_BYTES = 256 * 1024;
  private static final int MAX_INDEX_FILES = 50_000;
  /** pnpm index files list every file of a package; name and version are read from the start. */
  private static final int MAX_PNPM_INDEX_BYTES = 1024 * 1024;
  private static final long MAX_PNPM_TOTAL_BYTES = 256L * 1024 * 1024;
  private static final String KEY_PREFIX = "make-fetch-happen:request-cache:";

  private NpmLocations() {}

  static List<Path> globalNodeModules(SweepContext ctx) {
    List<Path> out = new ArrayList<>();
    for (String d : List.of("/usr/lib/node_modules", "/usr/local/lib/node_modules",
        "/opt/homebrew/lib/node_modules")) {
      out.add(ctx.underRoot(d));
    }
    out.add(ctx.home.resolve(".npm-global/lib/node_modules"));
    out.add(ctx.home.resolve("AppData/Roaming/npm/node_modules"));
    for (Path v : ctx.fs.list(ctx.home.resolve(".nvm/versions/node"))) {
      out.add(v.resolve("lib/node_modules"));
    }
    for (String pnpm : List.of(".local/share/pnpm/global", "Library/pnpm/global",
        "AppData/Local/pnpm/global")) {
      for (Path v : ctx.fs.list(ctx.home.resolve(pnpm))) {
        out.add(v.resolve("node_modules"));
      }
    }
    for (Path v : ctx.fs.list(ctx.home.resolve(".volta/tools/image/packages"))) {
      out.add(v.resolve("lib/node_modules"));
    }
    return out.stream().filter(ctx.fs::isDirectory).toList();
  }

  /** Package tarballs named by the npm cache index ({@code ~/.npm/_cacache/index-v5}). */
  static void npmCache(SweepContext ctx, Consumer<PackageCheck.Found> out) {
    Path index = ctx.home.resolve(".npm/_cacache/index-v5");
    int[] files = {0};
    Walker.walk(ctx.fs, index, 3, (p, a, depth) -> {
      if (a.isRegularFile() && files[0]++ < MAX_INDEX_FILES) {
        ctx.fs.readText(p, MAX_INDEX_BYTES).ifPresent(t -> indexFile(t, p, out));
      }
      return true;
    });
  }

  static void indexFile(String text, Path file, Consumer<PackageCheck.Found> out) {
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line.substring(tab + 1));
        String key = n.path("key").asText("");
        if (key.startsWith(KEY_PREFIX)) {
          tarball(key.substring(KEY_PREFIX.length())).ifPresent(nv ->
              out.accept(new PackageCheck.Found(Ecosystem.NPM, nv[0], nv[1], file)));
        }
      } catch (java.io.IOException | RuntimeException e) {
        // a torn or foreign line: skip it
      }
    }
  }

  /** {@code …/<name>/-/<base>-<version>.tgz} to name and version; scoped names may be %2f-encoded. */
  static Optional<String[]> tarball(String url) {
    String path;
    try {
      path = URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    int dash = path.indexOf("/-/");
    if (dash <= 0 || !path.endsWith(".tgz")) {
      return Optional.empty();
    }
    String name = URLDecoder.decode(path.substring(1, dash), StandardCharsets.UTF_8);
    String base = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
    String file = path.substring(dash + 3, path.length() - 4);
    if (!file.startsWith(base + "-")) {
      return Optional.empty();
    }
    return Optional.of(new String[] {name, file.substring(base.length() + 1)});
  }

  /** pnpm's virtual store folder names: {@code name@version} or {@code @scope+name@version(_peers)}. */
  static Optional<String[]> pnpmName(String folder) {
    int at = folder.indexOf('@', 1);
    if (at <= 0) {
      return Optional.empty();
    }
    String name = folder.substring(0, at);
    String version = folder.substring(at + 1);
    for (char c : new char[] {'_', '('}) {
      int peer = version.indexOf(c);
      if (peer > 0) {
        version = version.substring(0, peer);
      }
    }
    if (name.startsWith("@")) {
      int plus = name.indexOf('+');
      if (plus < 0) {
        return Optional.empty();
      }
      name = name.substring(0, plus) + "/" + name.substring(plus + 1);
    }
    return version.isEmpty() || !Character.isDigit(version.charAt(0)) ? Optional.empty()
        : Optional.of(new String[] {name, version});
  }

  /**
   * pnpm's content-addressable store: each package's index file names the package and version
   * it describes — in its {@code name} and {@code version} fields in pnpm 7 to 9
   * ({@code v3/files/XX/…-index.json}), in its file name in pnpm 10
   * ({@code v10/index/XX/<hash>-<package id>.json} or {@code .mpk}, '/' written as '+'). The
   * package's own files are content-addressed and name nothing.
   */
  static void pnpmStore(SweepContext ctx, Consumer<PackageCheck.Found> out) {
    int[] files = {0};
    long[] read = {0};
    for (String store : List.of(".local/share/pnpm/store", "Library/pnpm/store",
        "AppData/Local/pnpm/store", ".pnpm-store")) {
      for (Path version : ctx.fs.list(ctx.home.resolve(store))) {
        for (String sub : List.of("files", "index")) {
          boolean v10 = sub.equals("index");
          Walker.walk(ctx.fs, version.resolve(sub), 2, (p, a, depth) -> {
            String n = Walker.name(p);
            boolean index = v10 ? n.endsWith(".json") || n.endsWith(".mpk")
                : n.endsWith("-index.json");
            if (!a.isRegularFile() || !index || files[0]++ >= MAX_INDEX_FILES) {
              return true;
            }
            Optional<String[]> nv = v10 ? pnpmIndexName(n) : Optional.empty();
            if (nv.isEmpty() && n.endsWith(".json")) {
              if (read[0] > MAX_PNPM_TOTAL_BYTES) {
                ctx.note("pnpm's store is large; only part of its index was read");
                return false;
              }
              read[0] += Math.min(a.size(), MAX_PNPM_INDEX_BYTES);
              nv = ctx.fs.readBytes(p, MAX_PNPM_INDEX_BYTES).flatMap(NpmLocations::pnpmIndex);
            }
            nv.ifPresent(x -> out.accept(new PackageCheck.Found(Ecosystem.NPM, x[0], x[1], p)));
            return true;
          });
        }
      }
    }
  }

  /**
   * Name and version from a pnpm 10 index file name, {@code <hash>-<package id>.json}: the id is
   * {@code name@version}, scopes written {@code @scope+name}, sometimes after a registry host and
   * a '+'.
   */
  static Optional<String[]> pnpmIndexName(String file) {
    int dot = file.lastIndexOf('.');
    int dash = file.indexOf('-');
    if (dot < 0 || dash < 0 || dash > dot) {
      return Optional.empty();
    }
    String id = file.substring(dash + 1, dot);
    int at = id.lastIndexOf('@');
    if (at <= 0 || at == id.length() - 1 || !Character.isDigit(id.charAt(at + 1))) {
      return Optional.empty();
    }
    String name = id.substring(0, at);
    int scope = name.indexOf("@");
    if (scope >= 0) {
      name = name.substring(scope);
      int plus = name.indexOf('+');
      if (plus < 0) {
        return Optional.empty();
      }
      name = name.substring(0, plus) + "/" + name.substring(plus + 1);
    } else if (name.contains("+")) {
      name = name.substring(name.lastIndexOf('+') + 1);
    }
    return name.isEmpty() || name.endsWith("/") ? Optional.empty()
        : Optional.of(new String[] {name, id.substring(at + 1)});
  }

  /** The top-level {@code name} and {@code version} of a pnpm index file, when both are there. */
  static Optional<String[]> pnpmIndex(byte[] json) {
    String name = "";
    String version = "";
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME && (name.isEmpty() || version.isEmpty())) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING && field.equals("name")) {
          name = p.getText();
        } else if (value == JsonToken.VALUE_STRING && field.equals("version")) {
          version = p.getText();
        } else {
          p.skipChildren();
        }
      }
    } catch (java.io.IOException e) {
      // a truncated or foreign file: use what was read before the problem
    }
    return name.isEmpty() || version.isEmpty() ? Optional.empty()
        : Optional.of(new String[] {name, version});
  }

  /** Yarn v1 cache folders: {@code npm-<name>-<version>-<hash>-integrity}. */
  static void yarnCache(SweepContext ctx, Consumer<PackageCheck.Found> out) {
    List<Path> roots = new ArrayList<>();
    for (Path v : ctx.fs.list(ctx.home.resolve(".cache/yarn"))) {
      roots.add(v);
    }
    for (Path v : ctx.fs.list(ctx.home.resolve("Library/Caches/Yarn"))) {
      roots.add(v);
    }
    for (Path r : roots) {
      for (Path p : ctx.fs.list(r)) {
        yarnName(Walker.name(p)).ifPresent(nv ->
            out.accept(new PackageCheck.Found(Ecosystem.NPM, nv[0], nv[1], p)));
      }
    }
  }

  static Optional<String[]> yarnName(String folder) {
    if (!folder.startsWith("npm-")) {
      return Optional.empty();
    }
    String s = folder.substring(4);
    if (s.endsWith("-integrity")) {
      s = s.substring(0, s.length() - "-integrity".length());
    }
    int hash = s.lastIndexOf('-');
    if (hash <= 0) {
      return Optional.empty();
    }
    s = s.substring(0, hash);
    boolean scoped = s.startsWith("@");
    for (int i = scoped ? s.indexOf('-') + 1 : 1; i > 0 && i < s.length(); i++) {
      if (s.charAt(i) == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
        String name = s.substring(0, i);
        if (scoped) {
          int sep = name.indexOf('-');
          name = name.substring(0, sep) + "/" + name.substring(sep + 1);
        }
        return Optional.of(new String[] {name, s.substring(i + 1)});
      }
    }
    return Optional.empty();
  }
}
