package dev.bulwark.eval;

import dev.bulwark.eval.EvalReport.Baseline;
import dev.bulwark.eval.EvalReport.FalsePositive;
import dev.bulwark.eval.EvalReport.Miss;
import dev.bulwark.eval.EvalReport.RuleHits;
import dev.bulwark.eval.EvalReport.SampleError;
import dev.bulwark.eval.EvalReport.Throughput;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a report as plain-text tables for a console. Pure: writes only to the given writer. */
public final class EvalTable {
  /** Longest list printed per section; the JSON report has them all. */
  static final int MAX_LIST = 100;

  private EvalTable() {}

  public static void render(EvalReport r, Writer out) throws IOException {
    out.write("Bulwark evaluation, " + r.startedAt() + ", " + r.threads() + " threads\n");
    for (String n : r.notes()) {
      if (n.startsWith("split: ") || n.startsWith("validation: ")) {
        out.write(n + "\n");
      }
    }
    out.write('\n');
    detection(r, out);
    out.write('\n');
    speed(r, out);
    out.write('\n');
    rules(r.ruleHits(), out);
    misses(r.misses(), out);
    falsePositives(r.falsePositives(), out);
    errors("errors", r.errors(), out);
    errors("incomplete (scanned despite read or analysis problems)", r.incomplete(), out);
    out.flush();
  }

  private static void detection(EvalReport r, Writer out) throws IOException {
    TextTable t = new TextTable("ecosystem", "malicious", "benign", "recall@mal", "recall@susp",
        "FPR@mal", "FPR@susp", "precision", "F1", "errors", "incomplete");
    List<Scores> rows = new ArrayList<>(r.byEcosystem());
    rows.add(r.overall());
    for (Scores s : rows) {
      boolean mal = s.malicious() > 0;
      boolean ben = s.benign() > 0;
      boolean flagged = s.detectedMalicious() + s.falsePositivesMalicious() > 0;
      t.row(s.ecosystem(), Integer.toString(s.malicious()), Integer.toString(s.benign()),
          pct(mal, s.recallAtMalicious()), pct(mal, s.recallAtSuspicious()),
          pct(ben, s.falsePositiveRateAtMalicious()), pct(ben, s.falsePositiveRateAtSuspicious()),
          pct(flagged, s.precision()), pct(flagged && mal, s.f1()),
          Integer.toString(s.errors()), Integer.toString(s.incomplete()));
    }
    t.writeTo(out);
  }

  private static void speed(EvalReport r, Writer out) throws IOException {
    TextTable t = new TextTable("set", "packages", "MB", "pkg/s", "MB/s", "p50 ms", "p99 ms");
    speedRow(t, "malicious", r.malicious());
    speedRow(t, "benign", r.benign());
    r.baseline().ifPresent(b -> t.row("tar -xzf benign tarballs", Integer.toString(b.packages()),
        num(b.bytes() / 1e6), num(b.tarPackagesPerSecond()), num(b.tarMegabytesPerSecond()), "",
        ""));
    t.writeTo(out);
    if (r.baseline().isPresent()) {
      Baseline b = r.baseline().get();
      double ratio = b.scanToTarRatio();
      String words = ratio == 0 ? "not measured"
          : ratio < 1 ? "scan is " + num(1 / ratio) + "x slower than tar -xzf"
          : "scan is " + num(ratio) + "x faster than tar -xzf";
      out.write(String.format(Locale.ROOT,
          "scan/tar throughput on the same %d tarballs: %.3f (%s)%n", b.packages(), ratio, words));
    }
    out.write(String.format(Locale.ROOT, "peak heap: %s MB%n", num(r.peakHeapBytes() / 1e6)));
  }

  private static void speedRow(TextTable t, String name, Throughput s) {
    t.row(name, Integer.toString(s.packages()), num(s.bytes() / 1e6),
        num(s.packagesPerSecond()), num(s.megabytesPerSecond()), num(s.p50Nanos() / 1e6),
        num(s.p99Nanos() / 1e6));
  }

  private static void rules(List<RuleHits> hits, Writer out) throws IOException {
    if (hits.isEmpty()) {
      return;
    }
    TextTable t = new TextTable("rule (samples with a finding)", "malicious", "benign");
    hits.forEach(h -> t.row(h.ruleId(), Integer.toString(h.malicious()),
        Integer.toString(h.benign())));
    t.writeTo(out);
    out.write('\n');
  }

  private static void misses(List<Miss> misses, Writer out) throws IOException {
    out.write("misses (malicious, not flagged malicious): " + misses.size() + "\n");
    for (Miss m : misses.subList(0, Math.min(MAX_LIST, misses.size()))) {
      out.write("  " + m.id() + "  " + m.verdict().jsonName()
          + (m.topFinding().isEmpty() ? "" : "  " + m.topFinding()) + "\n");
    }
    more(misses.size(), out);
  }

  private static void falsePositives(List<FalsePositive> fps, Writer out) throws IOException {
    out.write("false positives (benign, flagged suspicious or malicious): " + fps.size() + "\n");
    for (FalsePositive f : fps.subList(0, Math.min(MAX_LIST, fps.size()))) {
      out.write("  " + f.id() + "  " + f.verdict().jsonName() + "  "
          + String.join(", ", f.topRules()) + "\n");
    }
    more(fps.size(), out);
  }

  private static void errors(String title, List<SampleError> errors, Writer out)
      throws IOException {
    out.write(title + ": " + errors.size() + "\n");
    for (SampleError e : errors.subList(0, Math.min(MAX_LIST, errors.size()))) {
      out.write("  " + e.id() + ": " + e.message() + "\n");
    }
    more(errors.size(), out);
  }

  private static void more(int size, Writer out) throws IOException {
    if (size > MAX_LIST) {
      out.write("  … " + (size - MAX_LIST) + " more in the JSON report\n");
    }
  }

  /** A percentage, or "-" when its denominator was zero. */
  static String pct(boolean defined, double fraction) {
    return defined ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "-";
  }

  static String num(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  }
}
