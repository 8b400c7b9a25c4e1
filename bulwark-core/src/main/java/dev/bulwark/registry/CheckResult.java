package dev.bulwark.registry;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one registry package before installing it.
 *
 * @param target the target as written
 * @param ecosystem npm or PyPI
 * @param name the package name
 * @param version the resolved version ("" when it could not be resolved)
 * @param verdict malicious, suspicious, unknown (the check could not complete) or clean
 * @param reason one sentence explaining the verdict
 * @param recommendation one line: what to do
 * @param didYouMean the popular package a typosquat imitates ("" when none)
 * @param metadata findings from registry metadata, sorted
 * @param code the static scan of the downloaded tarball or wheel, when it was scanned
 * @param advisories advisories from the local database, sorted
 * @param problems what could not be done, sorted
 */
public record CheckResult(String target, Ecosystem ecosystem, String name, String version,
    CheckVerdict verdict, String reason, String recommendation, String didYouMean,
    List<Finding> metadata, Optional<ScanResult> code, List<AuditFinding> advisories,
    List<Problem> problems) {
  public CheckResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(didYouMean, "didYouMean");
    metadata = List.copyOf(metadata);
    Objects.requireNonNull(code, "code");
    advisories = List.copyOf(advisories);
    problems = List.copyOf(problems);
  }

  /** True when the check could not finish (registry unreachable, integrity mismatch…). */
  public boolean incomplete() {
    return !problems.isEmpty();
  }
}
