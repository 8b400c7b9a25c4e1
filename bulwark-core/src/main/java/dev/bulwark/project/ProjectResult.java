package dev.bulwark.project;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.ScanResult;
import java.util.List;
import java.util.Objects;

/**
 * The result of triaging a project.
 *
 * @param scan verdict, score, reason and every finding (code and project checks), with kind
 *     "project"
 * @param origin how the project was read ("folder", "archive", "git HEAD", …)
 * @param surface what would run, by trigger
 * @param dependencyFindings known-vulnerable and known-malicious dependencies from its lockfiles
 * @param dependencyCount how many dependencies the lockfiles and manifests list
 * @param story one plain sentence per trigger: what would happen
 * @param nextSteps what to do now, in order
 */
public record ProjectResult(
    ScanResult scan,
    String origin,
    ExecutionSurface surface,
    List<AuditFinding> dependencyFindings,
    int dependencyCount,
    List<String> story,
    List<String> nextSteps) {
  public ProjectResult {
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(surface, "surface");
    dependencyFindings = List.copyOf(dependencyFindings);
    story = List.copyOf(story);
    nextSteps = List.copyOf(nextSteps);
  }
}
