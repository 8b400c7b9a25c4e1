package dev.bulwark.eval.model;

import dev.bulwark.model.Finding;
import java.util.List;
import java.util.Objects;

/**
 * One scanned sample for training: its findings and where it belongs.
 *
 * @param id the sample id
 * @param malicious the ground truth
 * @param set the dataset it came from ("malicious-npm", "npm-longtail", …), for per-set figures
 * @param packageName the package name (all versions of a package share one training weight)
 * @param validation whether the split puts it on the validation side
 * @param findings the engine's findings, sorted
 */
public record TrainingSample(String id, boolean malicious, String set, String packageName,
    boolean validation, List<Finding> findings) {
  public TrainingSample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(packageName, "packageName");
    findings = List.copyOf(findings);
  }
}
