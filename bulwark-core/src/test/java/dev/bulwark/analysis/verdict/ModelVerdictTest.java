package dev.bulwark.analysis.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ModelExplanation;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelVerdictTest {
  /** A small hand-made model: threats in install-time code weigh most, tests lower the score. */
  static LearnedModel model() {
    TreeMap<String, Double> w = new TreeMap<>();
    w.put("kind:T", 1.0);
    w.put("kind:C", 0.1);
    w.put("reach:install:exfiltration:T", 3.0);
    w.put("reach:test:download-execute:T", -2.0);
    w.put("cat:install-hook:C", 0.5);
    w.put("combo:steal+send", 1.5);
    return new LearnedModel("test", -3.0, w, 0.8, 0.3);
  }

  @Test
  void contributionsSumToTheLogitMinusBiasSeededRandom() {
    Random r = new Random(20261207L);
    String[] files = {"setup.py", "pkg/tests/t.py", "pkg/dist/a.min.js", "index.js", "lib/x.js!decoded/1"};
    for (int round = 0; round < 300; round++) {
      List<Finding> f = new ArrayList<>();
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        Category c = Category.values()[r.nextInt(Category.values().length)];
        f.add(VerdictModelTest.finding("r" + r.nextInt(6), c, Severity.values()[r.nextInt(4)],
            Confidence.values()[r.nextInt(3)], r.nextBoolean(), files[r.nextInt(files.length)]));
      }
      f.sort(null);
      ModelVerdict.Assessment a = ModelVerdict.assess(f, model());
      ModelExplanation e = a.explanation();
      double sum = e.contributions().stream().mapToDouble(ModelExplanation.Contribution::contribution).sum();
      assertThat(sum).isCloseTo(e.logit() - e.bias(), within(1e-9));
      assertThat(e.probability()).isCloseTo(1 / (1 + Math.exp(-e.logit())), within(1e-12));
      assertThat(e.contributions()).hasSize(f.size());
      assertThat(a.score()).isBetween(0, 100);
      if (f.stream().noneMatch(Finding::threat)) {
        assertThat(a.verdict()).as("capabilities alone are never malicious").isNotEqualTo(Verdict.MALICIOUS);
      }
      if (VerdictModel.weighed(f).stream().anyMatch(VerdictModel::decisive)) {
        assertThat(a.verdict()).as("a decisive threat still decides").isEqualTo(Verdict.MALICIOUS);
      }
      if (!e.forcedBy().isEmpty()) {
        assertThat(VerdictModel.assess(f).verdict()).as("forced only where the rule-only verdict is malicious too")
            .isEqualTo(Verdict.MALICIOUS);
      }
      for (ModelExplanation.Contribution c : e.contributions()) {
        if (!VerdictModel.weighed(f).contains(f.get(c.finding()))) {
          assertThat(c.contribution()).as("a finding the verdict sets aside adds nothing").isZero();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "install-time exfiltration|exfiltration|high|medium|threat|steal.js|MALICIOUS",
      "download in a Makefile|download-execute|medium|medium|threat|proj/tests/Makefile|CLEAN",
      "capability in install hook|install-hook|medium|high|capability|package.json#scripts.postinstall|CLEAN",
      "decisive threat in install code|code-execution|critical|high|threat|setup.py|MALICIOUS",
      "decisive threat in tests is set aside|code-execution|critical|high|threat|pkg/tests/t.py|CLEAN",
      "decisive threat in docs is set aside|exfiltration|high|high|threat|docs/conf.py|CLEAN",
  })
  void verdicts(String name, String cat, String sev, String conf, String kind, String file, Verdict want) {
    List<Finding> f = new ArrayList<>();
    f.add(VerdictModelTest.finding("hook", Category.INSTALL_HOOK, Severity.MEDIUM, Confidence.HIGH, false,
        "package.json#scripts.postinstall"));
    f.set(0, new Finding("hook", Category.INSTALL_HOOK, Severity.MEDIUM, Confidence.HIGH, false,
        f.get(0).location(), "node steal.js", "", "Runs a script at install."));
    if (!cat.equals("install-hook")) {
      f.add(VerdictModelTest.finding("x", Category.parse(cat).orElseThrow(), Severity.parse(sev).orElseThrow(),
          Confidence.parse(conf).orElseThrow(), kind.equals("threat"), file));
    }
    ModelVerdict.Assessment a = ModelVerdict.assess(f, model());
    assertThat(a.verdict()).as(a.reason()).isEqualTo(want);
    assertThat(a.reason()).endsWith(".").contains(String.format(Locale.ROOT, "model %.2f", a.explanation().probability()));
  }

  @Test
  void scoreMapsThresholdsOntoTheRuleScale() {
    LearnedModel m = model();
    assertThat(ModelVerdict.score(0.0, m)).isZero();
    assertThat(ModelVerdict.score(0.3, m)).isEqualTo(Weights.SUSPICIOUS_SCORE);
    assertThat(ModelVerdict.score(0.8, m)).isEqualTo(Weights.MALICIOUS_SCORE);
    assertThat(ModelVerdict.score(1.0, m)).isEqualTo(100);
  }

  @Test
  void verdictDoesNotDependOnNameVersionSizeOrFileCount() {
    List<Finding> f = VerdictModelTest.parse(List.of(
        "env-exfil, exfiltration, high, medium, threat, steal.js",
        "reads-npmrc, credential-theft, medium, low, capability, steal.js"));
    ScanResult small = new ScanResult("a.tgz", "package", Optional.empty(), "tiny-pkg", "0.0.1",
        Verdict.CLEAN, 0, "", f, List.of(), List.of(), 1, 100);
    ScanResult big = new ScanResult("b.tgz", "package", Optional.empty(), "react-dom", "18.2.0",
        Verdict.CLEAN, 0, "", f, List.of(), List.of(), 4000, 90_000_000);
    ScanResult a = ModelVerdict.rescore(small, model());
    ScanResult b = ModelVerdict.rescore(big, model());
    assertThat(a.verdict()).isEqualTo(b.verdict());
    assertThat(a.score()).isEqualTo(b.score());
    assertThat(a.model()).isEqualTo(b.model());
  }

  @Test
  void projectsAreLeftAlone() {
    ScanResult p = new ScanResult("dir", "project", Optional.empty(), "", "", Verdict.SUSPICIOUS, 20, "x",
        List.of(), List.of(), List.of(), 0, 0);
    assertThat(ModelVerdict.rescore(p, model())).isSameAs(p);
  }

  @Test
  void shippedModelHasOnlyAllowedFeatures() {
    Optional<LearnedModel> m = LearnedModel.builtin();
    m.ifPresent(model -> {
      for (String f : model.weights().keySet()) {
        assertThat(ModelFeatures.PREFIXES).as(f).anyMatch(f::startsWith);
        String lower = f.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("name:", "version", "size", "bytes", "files:", "count", "date", "age:", "download-count")) {
          assertThat(lower).as(f).doesNotContain(forbidden);
        }
      }
      assertThat(model.id()).isNotEmpty();
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not an object|[]",
      "wrong format|{\"format\": 2, \"weights\": {}, \"thresholds\": {\"malicious\": 0.9, \"suspicious\": 0.5}}",
      "weight not a number|{\"format\": 1, \"weights\": {\"kind:T\": \"x\"}, \"thresholds\": {\"malicious\": 0.9, \"suspicious\": 0.5}}",
      "thresholds reversed|{\"format\": 1, \"weights\": {}, \"thresholds\": {\"malicious\": 0.4, \"suspicious\": 0.5}}",
      "thresholds missing|{\"format\": 1, \"weights\": {}}",
  })
  void brokenModelFilesAreRejected(String name, String json) {
    assertThatThrownBy(() -> LearnedModel.parse(in(json), "m.json")).isInstanceOf(IOException.class)
        .hasMessageStartingWith("m.json");
  }

  @Test
  void modelFileLoads() throws Exception {
    LearnedModel m = LearnedModel.parse(in("{\"format\": 1, \"trainingDataHash\": \"0123456789abcdef\","
        + " \"bias\": -2.5, \"weights\": {\"kind:T\": 1.25}, \"thresholds\": {\"malicious\": 0.9, \"suspicious\": 0.4}}"),
        "m.json");
    assertThat(m.id()).isEqualTo("0123456789ab");
    assertThat(m.bias()).isEqualTo(-2.5);
    assertThat(m.weight("kind:T")).isEqualTo(1.25);
    assertThat(m.weight("unknown")).isZero();
    assertThat(m.malicious()).isEqualTo(0.9);
  }

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
