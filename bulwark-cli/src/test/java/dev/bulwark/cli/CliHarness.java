package dev.bulwark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in process with captured streams, a fixed clock and a private cache directory. */
final class CliHarness {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  /** The repository root (tests run in bulwark-cli/). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  record Run(int exit, String out, String err) {}

  static Run run(Path cache, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = new Env(new PrintWriter(out), new PrintWriter(err),
        Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", cache.toString()),
        CLOCK, ROOT, false);
    int code = Main.run(env, args);
    return new Run(code, normalize(out.toString(), cache), normalize(err.toString(), cache));
  }

  static String normalize(String s, Path cache) {
    return s.replace(cache.toString(), "<CACHE>").replace(ROOT.toString(), "<ROOT>")
        .replaceAll("\"version\" : \"[^\"]+\",\n  \"schemaVersion\"",
            "\"version\" : \"<VERSION>\",\n  \"schemaVersion\"");
  }
}
