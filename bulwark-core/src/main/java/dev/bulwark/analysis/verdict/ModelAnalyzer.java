package dev.bulwark.analysis.verdict;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.ScanResult;
import java.util.Optional;

/**
 * Gives another analyzer's package results the learned model's verdict. Without a model it passes
 * the rule-only verdict through ({@code --no-model}).
 */
public final class ModelAnalyzer implements PackageAnalyzer {
  private final PackageAnalyzer inner;
  private final Optional<LearnedModel> model;

  public ModelAnalyzer(PackageAnalyzer inner, Optional<LearnedModel> model) {
    this.inner = inner;
    this.model = model;
  }

  /** The shipped model, or rule-only when {@code noModel}. */
  public static PackageAnalyzer wrap(PackageAnalyzer inner, boolean noModel) {
    return noModel ? inner : new ModelAnalyzer(inner, LearnedModel.builtin());
  }

  @Override
  public ScanResult analyze(Artifact artifact) {
    ScanResult r = inner.analyze(artifact);
    return model.map(m -> ModelVerdict.rescore(r, m)).orElse(r);
  }
}
