package dev.bulwark.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that prints a report. */
final class OutputOptions {
  @Option(names = "--format", defaultValue = "console", paramLabel = "FORMAT",
      description = "Output format: console or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "Print only findings that fail the run, and errors.")
  boolean quiet;

  @Option(names = "--no-color", description = "Never use colour (colour is only used on a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  boolean json() {
    return format.equalsIgnoreCase("json");
  }

  void validate(String... allowed) throws UsageError {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(format)) {
        return;
      }
    }
    throw new UsageError("unknown --format '" + format + "'; expected one of "
        + String.join(", ", allowed));
  }

  boolean color(Env env) {
    return !noColor && output == null && env.tty() && !env.vars().containsKey("NO_COLOR");
  }

  /** Opens the report destination. The caller closes it (stdout is never closed). */
  PrintWriter open(Env env) throws IOException {
    if (output == null) {
      return env.out();
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8);
    return new PrintWriter(w);
  }

  void close(PrintWriter w, Env env) {
    if (w != env.out()) {
      w.close();
    } else {
      w.flush();
    }
  }

  /** A usage error found after parsing (exit code 2). */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
