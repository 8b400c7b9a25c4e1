package dev.bulwark.eval.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.verdict.LearnedModel;
import dev.bulwark.analysis.verdict.ModelFeatures;
import dev.bulwark.analysis.verdict.ModelVerdict;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on a small synthetic set: deterministic, and it learns the behaviour that separates. */
class ModelTrainerTest {
  static List<TrainingSample> synthetic() {
    Random r = new Random(7);
    List<TrainingSample> out = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      boolean mal = i % 2 == 0;
      List<Finding> f = new ArrayList<>();
      f.add(finding("net", Category.SUSPICIOUS_NETWORK, Severity.LOW, false, "pkg/lib/http.js"));
      if (mal) {
        f.add(new Finding("hook", Category.INSTALL_HOOK, Severity.MEDIUM, Confidence.HIGH, false,
            SourceLocation.of("pkg/package.json#scripts.preinstall"), "node setup.js", "", "hook"));
        f.add(finding("env-send", Category.EXFILTRATION, Severity.HIGH, true, "pkg/setup.js"));
      } else if (r.nextInt(3) == 0) {
        f.add(finding("eval", Category.CODE_EXECUTION, Severity.MEDIUM, true, "pkg/dist/bundle.min.js"));
      }
      f.sort(null);
      out.add(new TrainingSample((mal ? "mal/" : "ben/") + i, mal, mal ? "malicious-npm" : "npm",
          "p" + (i / 2), i % 10 == 0, f));
    }
    return out;
  }

  static Finding finding(String id, Category c, Severity s, boolean threat, String file) {
    return new Finding(id, c, s, Confidence.MEDIUM, threat, SourceLocation.of(file, 1), "x", "", id);
  }

  @Test
  void sameDataSameBytes() {
    ModelTrainer.Settings s = new ModelTrainer.Settings(1, 5, 0.1, 2, 0.0, 0.01);
    ModelTrainer.Result a = ModelTrainer.train(synthetic(), s);
    ModelTrainer.Result b = ModelTrainer.train(synthetic(), s);
    assertThat(a.json()).isEqualTo(b.json());
    assertThat(a.dataHash()).hasSize(64).isEqualTo(b.dataHash());
    assertThat(a.json()).contains("\"seed\" : 1", "\"trainingDataHash\" : \"" + a.dataHash() + "\"",
        "Tribuo 4.3.2", "\"validation\"");
  }

  @Test
  void learnsInstallTimeExfiltrationAndRoundTrips() throws Exception {
    ModelTrainer.Result r = ModelTrainer.train(synthetic(), new ModelTrainer.Settings(1, 5, 0.1, 2, 0.0, 0.01));
    LearnedModel m = LearnedModel.parse(new ByteArrayInputStream(r.json().getBytes(StandardCharsets.UTF_8)), "m");
    assertThat(m).isEqualTo(r.model());
    assertThat(m.weight("reach:install:exfiltration:T")).isPositive();
    assertThat(m.weights().keySet()).allMatch(k -> ModelFeatures.PREFIXES.stream().anyMatch(k::startsWith));
    for (TrainingSample t : synthetic()) {
      Verdict v = ModelVerdict.assess(t.findings(), m).verdict();
      assertThat(v == Verdict.MALICIOUS).as(t.id()).isEqualTo(t.malicious());
    }
  }

  @Test
  void dataHashChangesWithTheData() {
    ModelTrainer.Settings s = new ModelTrainer.Settings(1, 5, 0.1, 2, 0.0, 0.01);
    List<TrainingSample> d = new ArrayList<>(synthetic());
    String before = ModelTrainer.train(d, s).dataHash();
    d.remove(3);
    assertThat(ModelTrainer.train(d, s).dataHash()).isNotEqualTo(before);
  }
}
