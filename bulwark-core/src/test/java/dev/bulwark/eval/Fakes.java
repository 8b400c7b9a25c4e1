package dev.bulwark.eval;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small builders for fake samples, artifacts, findings and results. */
final class Fakes {
  private Fakes() {}

  static Sample sample(String id, Label label, Optional<Ecosystem> eco) {
    return Sample.of(id, label, eco, Path.of("/nonexistent", id));
  }

  static Finding finding(String rule, Severity severity, String file) {
    return new Finding(rule, Category.CODE_EXECUTION, severity, Confidence.HIGH, true,
        SourceLocation.of(file, 1), "x", "", rule + " matched");
  }

  static Artifact artifact(String name, Optional<Ecosystem> eco, String... pathAndContent) {
    List<ArtifactFile> files = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < pathAndContent.length; i += 2) {
      files.add(new ArtifactFile(pathAndContent[i],
          pathAndContent[i + 1].getBytes(StandardCharsets.UTF_8), false));
    }
    return new Artifact(name, eco, name, "1.0.0", files, List.of(), List.of(), List.of());
  }

  static ScanResult result(Artifact a, Verdict v, List<Finding> findings) {
    return new ScanResult(a.displayName(), "package", a.ecosystem(), a.name(), a.version(), v,
        v == Verdict.MALICIOUS ? 90 : v == Verdict.SUSPICIOUS ? 50 : 0, "fake", findings,
        List.of(), List.of(), a.files().size(), a.totalBytes());
  }

  /**
   * An outcome with given label, verdict ("error" for a failure; a trailing "!" marks a sample
   * scanned with a read problem), time and rules.
   */
  static SampleOutcome outcome(
      String id, Label label, String eco, String verdict, long nanos, List<String> rules) {
    Sample s = sample(id, label, Ecosystem.parse(eco));
    if (verdict.equals("error")) {
      return SampleOutcome.failed(s, eco, nanos, "boom");
    }
    boolean partial = verdict.endsWith("!");
    String name = partial ? verdict.substring(0, verdict.length() - 1) : verdict;
    Verdict v = Verdict.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    String top = rules.isEmpty() ? "" : rules.get(0) + ": " + rules.get(0) + " matched";
    return new SampleOutcome(s, eco, v, 0, rules,
        rules.stream().distinct().limit(3).toList(), top, nanos, 1000,
        partial ? 2 : 0, partial ? "corrupt-archive: truncated (a.js)" : "", "");
  }
}
