package dev.bulwark.monitor;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding as the monitor stores it: the engine's finding flattened to plain fields, or a
 * monitor finding (registry heuristic, diff against the previous version).
 *
 * @param ruleId the rule id
 * @param severity "critical", "high", "medium", "low" or "info"
 * @param file the file inside the artifact, "" when the finding is about the whole version
 * @param line 1-based line, 0 when unknown
 * @param message one sentence
 */
public record VerdictFinding(String ruleId, String severity, String file, int line, String message)
    implements Comparable<VerdictFinding> {
  private static final Comparator<VerdictFinding> ORDER = Comparator
      .comparing(VerdictFinding::ruleId).thenComparing(VerdictFinding::file)
      .thenComparingInt(VerdictFinding::line).thenComparing(VerdictFinding::message);

  public VerdictFinding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(VerdictFinding o) {
    return ORDER.compare(this, o);
  }
}
