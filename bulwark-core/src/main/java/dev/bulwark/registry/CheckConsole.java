package dev.bulwark.registry;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders check results for a terminal: verdict, recommendation, then findings by source. */
public final class CheckConsole {
  private CheckConsole() {}

  public static void render(List<CheckResult> results, boolean quiet, PrintWriter out) {
    for (CheckResult r : results) {
      String pkg = r.version().isEmpty() ? r.target() : r.ecosystem().purlType() + ":" + r.name()
          + (r.ecosystem() == dev.bulwark.model.Ecosystem.NPM ? "@" : "==") + r.version();
      out.println(r.verdict().name() + "  " + pkg + ": " + r.reason());
      out.println("  → " + r.recommendation());
      if (!quiet) {
        for (Finding f : r.metadata()) {
          out.println("  metadata  " + f.severity().jsonName() + "  " + f.ruleId() + "  " + f.message());
        }
        r.code().ifPresent(c -> {
          out.println("  code      " + c.verdict().jsonName() + " (score " + c.score() + ", "
              + c.filesScanned() + " files)");
          for (Finding f : c.findings()) {
            out.println("  code      " + f.severity().jsonName() + "  " + f.ruleId() + "  "
                + f.location().file() + (f.location().line() > 0 ? ":" + f.location().line() : "")
                + "  " + f.message());
          }
        });
        for (AuditFinding a : r.advisories()) {
          out.println("  advisory  " + a.severity().jsonName() + "  " + a.id() + "  "
              + a.kind().name().toLowerCase(Locale.ROOT) + ": " + a.summary());
        }
      }
      for (Problem p : r.problems()) {
        out.println("  problem   " + p.code() + ": " + p.message());
      }
      out.println();
    }
    out.flush();
  }
}
