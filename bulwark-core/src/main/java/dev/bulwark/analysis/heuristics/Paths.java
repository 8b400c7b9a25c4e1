package dev.bulwark.analysis.heuristics;

import java.util.Locale;

/** Path tests shared by heuristics. */
final class Paths {
  private Paths() {}

  /** Build output and vendored bundles, where minified code is expected. */
  static boolean isBuildOutput(String path) {
    String p = "/" + path.toLowerCase(Locale.ROOT);
    return p.contains("/dist/") || p.contains("/build/") || p.contains("/bundle")
        || p.contains("/umd/") || p.contains("/esm/") || p.contains("/cjs/") || p.contains("/min/")
        || p.contains("/vendor/") || p.contains("/static/") || p.contains("/public/")
        || p.endsWith(".min.js") || p.endsWith(".min.mjs") || p.endsWith(".min.cjs")
        || p.endsWith(".bundle.js") || p.endsWith(".prod.js") || p.endsWith(".production.js");
  }

  /** Places where prebuilt executables of a tool are usually shipped. */
  static boolean isBinaryHome(String path) {
    String p = "/" + path.toLowerCase(Locale.ROOT);
    return p.contains("/bin/") || p.contains("/prebuilds/") || p.contains("/prebuilt/")
        || p.contains("/build/release/") || p.contains("/native/") || p.contains("/binaries/")
        || p.endsWith(".node") || p.contains("/lib/") && (p.endsWith(".so") || p.endsWith(".dylib") || p.endsWith(".dll"))
        || p.contains(".libs/") || p.contains("/vendor/");
  }

  static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
