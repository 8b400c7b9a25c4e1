package dev.bulwark.report;

import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.sweep.Indicator;
import dev.bulwark.sweep.IndicatorText;
import dev.bulwark.sweep.SweepReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's evidence as {@link Issue}s: a confirmed indicator is critical and fails the run, a
 * suspicious one is medium, says so in its message and gets how to check it as its action. The
 * rule id is {@code sweep/<kind>}, the artifact the file's path.
 */
final class SweepIssues {
  static final String RULE_PREFIX = "sweep/";

  private SweepIssues() {}

  static List<Issue> of(SweepReport r) {
    List<Issue> out = new ArrayList<>();
    for (Indicator i : r.indicators()) {
      out.add(issue(i));
    }
    return out;
  }

  static Issue issue(Indicator i) {
    IndicatorText t = IndicatorText.of(i.kind());
    String message = (i.strong() ? "Confirmed: " : "Suspicious (check it): ") + i.detail()
        + (i.family().isEmpty() ? "" : " (" + i.family() + ")")
        + i.mtime().map(m -> "; modified " + m).orElse("");
    List<String> refs = i.source().isEmpty() ? List.of() : List.of(i.source());
    return new Issue(i.path(), RULE_PREFIX + i.kind(), t.title(),
        i.strong() ? Severity.CRITICAL : Severity.MEDIUM, category(i.area()), true,
        SourceLocation.of(i.path()), i.path(), "", "", message, t.what(), t.why(),
        IndicatorText.action(i),
        refs, i.strong());
  }

  static String category(Indicator.Area a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  /** One summary row per area, all areas always listed. */
  static Summary summary(SweepReport r) {
    List<Summary.Row> rows = new ArrayList<>();
    for (Indicator.Area a : Indicator.Area.values()) {
      List<Indicator> of = r.indicators().stream().filter(i -> i.area() == a).toList();
      long strong = of.stream().filter(Indicator::strong).count();
      long weak = of.size() - strong;
      String verdict = of.isEmpty() ? "nothing found"
          : (strong > 0 ? strong + " confirmed" : "")
              + (strong > 0 && weak > 0 ? ", " : "")
              + (weak > 0 ? weak + " suspicious" : "");
      rows.add(new Summary.Row(ConsoleSweepRenderer.area(a), lookedAt(a), verdict, of.size()));
    }
    boolean any = !r.indicators().isEmpty();
    return new Summary("sweep", ConsoleSweepRenderer.verdict(r),
        r.compromised() ? "bad" : any ? "warn" : "ok", rows);
  }

  private static String lookedAt(Indicator.Area a) {
    return switch (a) {
      case FILES -> "known file traces in home and temp folders";
      case PERSISTENCE -> "shell start-up files, cron, services, launch agents, autostart";
      case NETWORK -> "open connections and processes (/proc)";
      case PACKAGES -> "global and cached npm and Python packages";
      case EDITORS -> "folder-open tasks of recently opened folders";
    };
  }
}
