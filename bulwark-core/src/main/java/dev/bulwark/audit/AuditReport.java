package dev.bulwark.audit;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import dev.bulwark.policy.FailOn;
import dev.bulwark.policy.IgnoreRule;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code bulwark audit}.
 *
 * @param targets one per path given on the command line, in the order given
 * @param failOn the threshold applied
 * @param includeDev whether dev dependencies were audited
 * @param expiredIgnores ignore rules past their expiry date; they no longer apply
 * @param unusedIgnores ignore rules that matched nothing
 * @param policyProblems problems with the policy file
 */
public record AuditReport(
    List<Target> targets,
    FailOn failOn,
    boolean includeDev,
    List<IgnoreRule> expiredIgnores,
    List<IgnoreRule> unusedIgnores,
    List<Problem> policyProblems) {

  public AuditReport {
    targets = List.copyOf(targets);
    Objects.requireNonNull(failOn, "failOn");
    expiredIgnores = List.copyOf(expiredIgnores);
    unusedIgnores = List.copyOf(unusedIgnores);
    policyProblems = List.copyOf(policyProblems);
  }

  /**
   * One audited path.
   *
   * @param path the path as given
   * @param inventories the lockfiles and manifests read, sorted by file
   * @param dependencies every dependency audited (after the dev filter), in file order
   * @param findings findings that apply, sorted (malicious first, then severity)
   * @param ignored findings suppressed by an ignore rule
   * @param problems files that could not be read, and other problems
   */
  public record Target(
      String path,
      List<Inventory> inventories,
      List<Dependency> dependencies,
      List<AuditFinding> findings,
      List<Ignored> ignored,
      List<Problem> problems) {
    public Target {
      Objects.requireNonNull(path, "path");
      inventories = List.copyOf(inventories);
      dependencies = List.copyOf(dependencies);
      findings = List.copyOf(findings);
      ignored = List.copyOf(ignored);
      problems = List.copyOf(problems);
    }
  }

  /** A finding that an ignore rule suppressed. */
  public record Ignored(AuditFinding finding, IgnoreRule rule) {}

  /** Findings at or above the failure threshold, plus leaked credentials, across all targets. */
  public long failingCount() {
    return targets.stream().flatMap(t -> t.findings().stream()).filter(failOn::fails).count()
        + leakedCredentials();
  }

  /** Credentials found written in configuration files, across all targets. */
  public long leakedCredentials() {
    return targets.stream().flatMap(t -> t.problems().stream())
        .filter(p -> p.code().equals(Problem.LEAKED_CREDENTIAL)).count();
  }

  /** True when some file could not be read or the database could not be queried. */
  public boolean incomplete() {
    return targets.stream().flatMap(t -> t.problems().stream())
        .anyMatch(p -> !p.code().equals(Problem.LEAKED_CREDENTIAL));
  }
}
