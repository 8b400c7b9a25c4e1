package dev.bulwark.cli;

import dev.bulwark.report.ReportFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by every command that prints a report. */
final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT[:FILE]",
      description = {"Report format: console (default), json, sarif, html, markdown or cyclonedx "
          + "(audit only). Repeatable; FORMAT:FILE writes that format to FILE, for example "
          + "--format sarif:out.sarif --format html:report.html."})
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report without its own FILE to FILE instead of standard output.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "Print only findings that fail the run, and errors.")
  boolean quiet;

  @Option(names = "--no-color", description = "Never use colour (colour is only used on a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  /**
   * One report to write.
   *
   * @param format "console" or a {@link ReportFormat} id
   * @param file where to write it; empty means standard output
   */
  record Destination(String format, Optional<Path> file) {
    Optional<ReportFormat> reportFormat() {
      return format.equals("console") ? Optional.empty() : ReportFormat.parse(format);
    }
  }

  /** The reports to write, in the order given; console on standard output by default. */
  List<Destination> destinations() {
    List<String> given = formats.isEmpty() ? List.of("console") : formats;
    List<Destination> out = new ArrayList<>();
    for (String f : given) {
      int colon = f.indexOf(':');
      String name = (colon < 0 ? f : f.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
      Optional<Path> file = colon < 0 ? Optional.ofNullable(output)
          : Optional.of(Path.of(f.substring(colon + 1)));
      out.add(new Destination(name, file));
    }
    return out;
  }

  /** True when the only report is JSON. */
  boolean json() {
    List<Destination> d = destinations();
    return d.size() == 1 && d.get(0).format().equals("json");
  }

  /** Checks formats against {@code allowed} and that at most one report goes to stdout. */
  void validate(String... allowed) throws UsageError {
    Set<String> ok = Set.of(allowed);
    int toStdout = 0;
    Set<Path> files = new HashSet<>();
    for (Destination d : destinations()) {
      String canonical = d.reportFormat().map(ReportFormat::id).orElse(d.format());
      if (!ok.contains(canonical)) {
        String why = d.reportFormat().isPresent()
            ? " for this command (" + (d.reportFormat().get() == ReportFormat.CYCLONEDX
                ? "a CycloneDX bill of materials lists the dependencies of an audit"
                : "it does not fit this command's result") + ")"
            : "";
        throw new UsageError("unknown --format '" + d.format() + "'" + why + "; expected one of "
            + String.join(", ", allowed));
      }
      if (d.file().isEmpty()) {
        toStdout++;
      } else if (!files.add(d.file().get().toAbsolutePath().normalize())) {
        throw new UsageError("two reports would be written to " + d.file().get());
      }
    }
    if (toStdout > 1) {
      throw new UsageError("only one --format can go to standard output; give the others a file "
          + "(--format FORMAT:FILE)");
    }
  }

  /** Colour on standard output for the console report. */
  boolean color(Env env) {
    return !noColor && output == null && env.tty() && !env.vars().containsKey("NO_COLOR");
  }

  /** Opens a destination. The caller closes it with {@link #close} (stdout is never closed). */
  PrintWriter open(Env env, Optional<Path> file) throws IOException {
    if (file.isEmpty()) {
      return env.out();
    }
    Path target = file.get().isAbsolute() ? file.get() : env.cwd().resolve(file.get());
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer w = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8);
    return new PrintWriter(w);
  }

  /** Opens a report file for bytes, buffered; the caller closes it. */
  OutputStream openStream(Env env, Path file) throws IOException {
    Path target = file.isAbsolute() ? file : env.cwd().resolve(file);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
  }

  /** Opens the report destination of a single-format command. */
  PrintWriter open(Env env) throws IOException {
    return open(env, Optional.ofNullable(output));
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
