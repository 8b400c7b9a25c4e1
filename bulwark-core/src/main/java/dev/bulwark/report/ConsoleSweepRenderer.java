package dev.bulwark.report;

import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.Indicator;
import dev.bulwark.sweep.IndicatorText;
import dev.bulwark.sweep.SweepReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders a sweep for people in a terminal: verdict, evidence, secrets, checklist. */
public final class ConsoleSweepRenderer {
  public static final String COMPROMISED = "COMPROMISE INDICATORS FOUND";
  public static final String SUSPICIOUS = "SUSPICIOUS ITEMS TO CHECK (no known indicator)";
  public static final String CLEAN = "NO KNOWN INDICATORS";
  /** Paths and details come from the swept disk: shown escaped, cut at this length. */
  private static final int MAX_SHOWN = 2_000;

  private ConsoleSweepRenderer() {}

  /** The verdict line's text. */
  public static String verdict(SweepReport r) {
    return r.compromised() ? COMPROMISED : r.suspicious() ? SUSPICIOUS : CLEAN;
  }

  public static void render(SweepReport r, boolean quiet, Style st, PrintWriter out) {
    out.println(r.compromised() ? st.red(COMPROMISED) : r.suspicious() ? st.yellow(SUSPICIOUS)
        : st.green(CLEAN));
    Indicator.Area last = null;
    for (Indicator i : r.indicators()) {
      if (quiet && !i.strong()) {
        continue;
      }
      if (last == null) {
        out.println();
      }
      if (i.area() != last) {
        out.println(st.bold(area(i.area())));
        last = i.area();
      }
      out.println("  " + (i.strong() ? st.red("!! confirmed") : " ? suspicious") + "  " + i.kind()
          + "  " + safe(i.path()) + i.mtime().map(m -> "  (modified " + m + ")").orElse(""));
      out.println("     " + safe(i.detail()));
      if (!i.strong()) {
        out.println("     how to check: " + safe(IndicatorText.action(i)));
      }
      if (!i.family().isEmpty() || !i.source().isEmpty()) {
        out.println("     " + safe(i.family())
            + (i.family().isEmpty() || i.source().isEmpty() ? "" : "  ") + safe(i.source()));
      }
    }
    if (!quiet && !r.exposures().isEmpty()) {
      out.println();
      out.println("Secrets on this machine (they may have been stolen; values are never read into"
          + " this report)");
      for (Exposure e : r.exposures()) {
        out.println("  [" + e.secretClass() + "] " + safe(e.what()) + ": " + safe(e.path()));
      }
    }
    out.println();
    out.println(st.bold("What to do"));
    int n = 0;
    for (String s : r.remediation()) {
      out.println(s.startsWith("  ") ? "     - " + s.strip() : String.format("  %d. %s", ++n, s));
    }
    if (!quiet) {
      out.println();
      out.println(st.dim(stats(r.stats())));
      for (String note : r.notes()) {
        out.println("note: " + safe(note));
      }
    }
    out.flush();
  }

  /** "Files", "Persistence", … */
  static String area(Indicator.Area a) {
    return a.name().charAt(0) + a.name().substring(1).toLowerCase(Locale.ROOT);
  }

  static String stats(SweepReport.Stats s) {
    return String.format("Looked at %d entries and %d packages in %d ms; %d unreadable,"
        + " %d outside the allowed folders (skipped).", s.filesVisited(), s.packagesChecked(),
        s.millis(), s.unreadable(), s.refused());
  }

  private static String safe(String s) {
    return Style.safe(s, MAX_SHOWN);
  }
}
