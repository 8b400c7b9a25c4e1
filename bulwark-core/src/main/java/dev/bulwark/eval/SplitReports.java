package dev.bulwark.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a split's reporting rule to a finished report: the split is named in the notes, and a
 * validation report keeps only counts (no misses, false positives, errors or per-sample results by
 * id), so nobody tunes rules to validation samples by reading them.
 */
public final class SplitReports {
  private SplitReports() {}

  public static EvalReport forSplit(EvalReport r, Split split) {
    List<String> notes = new ArrayList<>();
    notes.add("split: " + split.describe());
    if (split.part() != Split.Part.VALIDATION) {
      notes.addAll(r.notes());
      return new EvalReport(r.startedAt(), r.finishedAt(), r.threads(), r.byEcosystem(), r.overall(),
          r.ruleHits(), r.misses(), r.falsePositives(), r.errors(), r.incomplete(), r.malicious(),
          r.benign(), r.baseline(), r.peakHeapBytes(), notes, r.samples());
    }
    notes.add(String.format(Locale.ROOT,
        "validation: per-sample lists withheld (%d misses, %d false positives, %d errors, %d incomplete)",
        r.misses().size(), r.falsePositives().size(), r.errors().size(), r.incomplete().size()));
    return new EvalReport(r.startedAt(), r.finishedAt(), r.threads(), r.byEcosystem(), r.overall(),
        r.ruleHits(), List.of(), List.of(), List.of(), List.of(), r.malicious(), r.benign(),
        r.baseline(), r.peakHeapBytes(), notes, List.of());
  }
}
