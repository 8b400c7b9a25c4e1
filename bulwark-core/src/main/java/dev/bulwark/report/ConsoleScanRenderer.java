package dev.bulwark.report;

import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.TargetResult;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Renders package scan results for people in a terminal. */
public final class ConsoleScanRenderer {
  private static final int MAX_FINDINGS_SHOWN = 40;

  private ConsoleScanRenderer() {}

  /** How much to show. */
  public record Options(boolean explain, boolean quiet) {}

  public static void render(List<TargetResult> targets, RuleText.Source rules, Style st,
      Options opt, PrintWriter out) {
    List<ScanResult> results = targets.stream().map(TargetResult::scan).toList();
    for (TargetResult t : targets) {
      ScanResult r = t.scan();
      if (opt.quiet() && r.verdict() == Verdict.CLEAN && r.errors().isEmpty()) {
        continue;
      }
      if (t instanceof TargetResult.Project p) {
        ConsoleProjectRenderer.render(p.project(), rules, st, opt, out);
      } else {
        target(r, rules, st, opt, out);
      }
    }
    if (!opt.quiet() && results.size() > 1) {
      long mal = results.stream().filter(r -> r.verdict() == Verdict.MALICIOUS).count();
      long sus = results.stream().filter(r -> r.verdict() == Verdict.SUSPICIOUS).count();
      String line = results.size() + " targets scanned: " + mal + " malicious, " + sus
          + " suspicious, " + (results.size() - mal - sus) + " clean";
      out.println(mal > 0 ? st.red(line) : sus > 0 ? st.yellow(line) : st.green(line));
    }
    out.flush();
  }

  static void target(ScanResult r, RuleText.Source rules, Style st, Options opt, PrintWriter out) {
    String what = r.name().isEmpty() ? Style.safe(r.target(), 200)
        : Style.safe(r.name() + (r.version().isEmpty() ? "" : "@" + r.version()), 200)
            + st.dim(" (" + Style.safe(r.target(), 200) + ")");
    out.println(banner(r.verdict(), st) + "  " + st.bold(what) + st.dim("  score " + r.score() + "/100"));
    out.println("  " + Style.safe(r.reason(), 400));
    if (r.model().applied()) {
      out.println(st.dim(String.format(java.util.Locale.ROOT,
          "  verdict model %s: probability %.2f; rule-only verdict %s (%d/100); rule-only is the default (without --model)",
          r.model().modelId(), r.model().probability(), r.model().ruleVerdict().jsonName(), r.model().ruleScore())));
    }
    out.println();
    Set<String> explained = new HashSet<>();
    int shown = 0;
    for (int i = 0; i < r.findings().size(); i++) {
      Finding f = r.findings().get(i);
      String contribution = r.model().applied() && i < r.model().contributions().size()
          ? String.format(java.util.Locale.ROOT, "  model %+.2f", r.model().contributions().get(i).contribution())
          : "";
      if (opt.quiet() && !f.threat()) {
        continue;
      }
      if (shown++ >= MAX_FINDINGS_SHOWN) {
        out.println(st.dim("  … " + (r.findings().size() - MAX_FINDINGS_SHOWN)
            + " more findings; use --format json to see them all"));
        break;
      }
      finding(f, rules.find(f.ruleId()), opt.explain() && explained.add(f.ruleId()), contribution, st, out);
    }
    for (Skipped s : r.skipped()) {
      out.println(st.dim("  skipped " + Style.safe(s.path(), 200) + ": " + Style.safe(s.reason(), 200)));
    }
    for (Problem p : r.errors()) {
      out.println(st.yellow("  error: ") + Style.safe(p.location().toString(), 200) + ": "
          + Style.safe(p.message(), 300));
    }
    out.println();
  }

  private static void finding(Finding f, Optional<RuleText> text, boolean explain, String contribution,
      Style st, PrintWriter out) {
    String sev = f.severity().name();
    sev = f.severity().atLeast(Severity.HIGH) ? st.red(sev)
        : f.severity() == Severity.MEDIUM ? st.yellow(sev) : sev;
    out.println("  " + sev + " " + st.bold(f.ruleId()) + st.dim(" [" + f.category().jsonName()
        + (f.threat() ? "" : ", capability") + "]") + "  " + Style.safe(f.location().toString(), 200)
        + st.dim(contribution));
    out.println("    " + Style.safe(f.message(), 300));
    if (!f.snippet().isEmpty()) {
      out.println("    " + st.dim("code:    ") + Style.safe(f.snippet(), 200));
    }
    if (!f.decoded().isEmpty()) {
      out.println("    " + st.dim("decoded: ") + Style.safe(f.decoded(), 300));
    }
    if (explain && text.isPresent()) {
      RuleText t = text.get();
      out.println("    " + st.dim("what:    ") + Style.safe(t.what(), 600));
      out.println("    " + st.dim("why:     ") + Style.safe(t.why(), 600));
      out.println("    " + st.dim("do now:  ") + Style.safe(t.action(), 600));
    } else if (text.isPresent()) {
      out.println("    " + st.dim("details: bulwark explain " + f.ruleId()));
    }
  }

  static String banner(Verdict v, Style st) {
    return switch (v) {
      case MALICIOUS -> st.red("MALICIOUS ");
      case SUSPICIOUS -> st.yellow("SUSPICIOUS");
      case CLEAN -> st.green("CLEAN     ");
    };
  }
}
