package dev.bulwark.analysis;

import dev.bulwark.analysis.rules.Example;
import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a rule's examples through the whole engine, with only that rule loaded. */
final class RuleExamples {
  private RuleExamples() {}

  /** One message per example that does not behave as declared; empty when all do. */
  static List<String> failures(Rule rule) {
    StaticAnalyzer analyzer = new StaticAnalyzer(RuleCatalog.of(List.of(rule)));
    List<String> out = new ArrayList<>();
    for (Example e : rule.matchExamples()) {
      if (!matches(analyzer, rule, e)) {
        out.add(rule.origin() + ":" + e.line() + ": example should match but does not (" + e.path() + ")");
      }
    }
    for (Example e : rule.nomatchExamples()) {
      if (matches(analyzer, rule, e)) {
        out.add(rule.origin() + ":" + e.line() + ": example should not match but does (" + e.path() + ")");
      }
    }
    return out;
  }

  static boolean matches(StaticAnalyzer analyzer, Rule rule, Example e) {
    Optional<Ecosystem> eco =
        rule.ecosystems().size() == 1 ? Optional.of(rule.ecosystems().iterator().next()) : Optional.empty();
    Artifact a = new Artifact("example", eco, "example", "0.0.0",
        List.of(new ArtifactFile(e.path(), e.code().getBytes(StandardCharsets.UTF_8), false)),
        List.of(), List.of(), List.of());
    ScanResult r = analyzer.analyze(a);
    for (Finding f : r.findings()) {
      if (f.ruleId().equals(rule.id())) {
        return true;
      }
    }
    return false;
  }
}
