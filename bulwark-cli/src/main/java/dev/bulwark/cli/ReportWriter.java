package dev.bulwark.cli;

import dev.bulwark.report.ReportData;
import dev.bulwark.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;

/** Writes one result in every format the user asked for, each to its own destination. */
final class ReportWriter {
  /** Renders the console report; {@code color} is true on a colour terminal. */
  @FunctionalInterface
  interface Console {
    void render(PrintWriter out, boolean color) throws IOException;
  }

  private ReportWriter() {}

  /** Writes every requested report; formats were checked by {@link OutputOptions#validate}. */
  static void write(ReportData data, OutputOptions options, Env env, Console console)
      throws IOException, OutputOptions.UsageError {
    for (OutputOptions.Destination d : options.destinations()) {
      PrintWriter w = options.open(env, d.file());
      try {
        if (d.reportFormat().isEmpty()) {
          console.render(w, d.file().isEmpty() && options.color(env));
        } else {
          ReportFormat f = d.reportFormat().get();
          if (!f.supports(data)) {
            throw new OutputOptions.UsageError("--format " + f.id() + " is not available here");
          }
          f.render(data, w);
        }
      } finally {
        options.close(w, env);
      }
    }
  }
}
