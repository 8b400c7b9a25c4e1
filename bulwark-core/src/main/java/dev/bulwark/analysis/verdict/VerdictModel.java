package dev.bulwark.analysis.verdict;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Combines findings into a score and a verdict (see docs/verdict.md). */
public final class VerdictModel {
  private VerdictModel() {}

  public static ScanResult result(Artifact a, List<Finding> findings, List<Skipped> skipped,
      List<Problem> errors, int files, long bytes) {
    List<Finding> f = new ArrayList<>(findings);
    f.sort(null);
    List<Skipped> s = new ArrayList<>(skipped);
    s.sort(null);
    List<Problem> e = new ArrayList<>(errors);
    e.sort(null);
    Verdict v = f.stream().anyMatch(Finding::threat) ? Verdict.SUSPICIOUS : Verdict.CLEAN;
    return new ScanResult(a.displayName(), "package", a.ecosystem(), a.name(), a.version(), v,
        v == Verdict.CLEAN ? 0 : 50, "", f, s, e, files, bytes);
  }
}
