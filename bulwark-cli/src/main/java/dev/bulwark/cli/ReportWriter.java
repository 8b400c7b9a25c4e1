package dev.bulwark.cli;

import dev.bulwark.report.ReportData;
import dev.bulwark.report.ReportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
      if (d.file().isPresent() && d.reportFormat().isPresent()) {
        // A file report is written as bytes (buffered): the JSON report of a large audit goes
        // out without a character encoder in between.
        ReportFormat f = d.reportFormat().get();
        if (!f.supports(data)) {
          throw new OutputOptions.UsageError("--format " + f.id() + " is not available here");
        }
        try (OutputStream out = options.openStream(env, d.file().get())) {
          f.render(data, out);
        }
        continue;
      }
      PrintWriter w = options.open(env, d.file());
      try {
        if (d.reportFormat().isEmpty()) {
          // Standard output flushes at every line (autoflush): a large report would cost a
          // write call per line, so the console report goes through a buffer.
          PrintWriter buffered = new PrintWriter(new BufferedWriter(w, 1 << 16));
          console.render(buffered, d.file().isEmpty() && options.color(env));
          buffered.flush();
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
