package dev.bulwark.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of scanning one package (or, later, one project).
 *
 * @param target the display name of what was scanned (archive path, folder, package name)
 * @param kind "package" or "project"
 * @param ecosystem the package's ecosystem when known
 * @param name the package name when known, else ""
 * @param version the package version when known, else ""
 * @param verdict malicious, suspicious or clean
 * @param score 0 to 100; higher is worse
 * @param reason one sentence explaining the verdict
 * @param findings sorted findings
 * @param skipped what was not analysed, and why
 * @param errors problems that prevented part of the analysis
 * @param filesScanned how many files were analysed
 * @param bytesScanned how many uncompressed bytes were analysed
 * @param model how the learned verdict model weighed the findings ({@link ModelExplanation#none()}
 *     for a rule-only verdict)
 */
public record ScanResult(
    String target,
    String kind,
    java.util.Optional<Ecosystem> ecosystem,
    String name,
    String version,
    Verdict verdict,
    int score,
    String reason,
    List<Finding> findings,
    List<Skipped> skipped,
    List<Problem> errors,
    int filesScanned,
    long bytesScanned,
    ModelExplanation model) {
  /** A result with a rule-only verdict. */
  public ScanResult(String target, String kind, java.util.Optional<Ecosystem> ecosystem, String name,
      String version, Verdict verdict, int score, String reason, List<Finding> findings,
      List<Skipped> skipped, List<Problem> errors, int filesScanned, long bytesScanned) {
    this(target, kind, ecosystem, name, version, verdict, score, reason, findings, skipped, errors,
        filesScanned, bytesScanned, ModelExplanation.none());
  }

  public ScanResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(model, "model");
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
    errors = List.copyOf(errors);
  }
}
