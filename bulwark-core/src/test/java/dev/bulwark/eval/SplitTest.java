package dev.bulwark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SplitTest {
  @ParameterizedTest
  @CsvSource({
    "npm/@scope/name@1.0.0, x.zip, @scope/name",
    "npm/plain@2.3.4-beta.1, x.zip, plain",
    "npm/lodash-4.17.21.tgz, lodash-4.17.21.tgz, lodash",
    "npm/scope-left-pad-1.0.0-rc.1.tgz, scope-left-pad-1.0.0-rc.1.tgz, scope-left-pad",
    "npm/base64-js-1.5.1.tgz, base64-js-1.5.1.tgz, base64-js",
    "pypi-debian/requests, requests, requests",
    "pypi/foo-1.0-py3-none-any.whl, foo-1.0-py3-none-any.whl, foo",
    "site-packages/urllib3-2.0.7, site-packages, urllib3",
  })
  void packageNames(String id, String file, String name) {
    Sample s = Sample.of(id, Label.BENIGN, Optional.empty(), Path.of("/d").resolve(file));
    assertThat(Split.packageName(s)).isEqualTo(name);
  }

  @Test
  void versionsOfOnePackageStayTogetherAndAboutOneInFiveIsValidation() {
    Split v = Split.parse("validation", 5, Split.DEFAULT_SEED);
    Split t = Split.parse("train", 5, Split.DEFAULT_SEED);
    List<Sample> samples = IntStream.range(0, 2000).boxed()
        .flatMap(i -> IntStream.range(0, 3).mapToObj(j -> Sample.of("npm/pkg" + i + "@1.0." + j,
            Label.MALICIOUS, Optional.empty(), Path.of("/x.zip"))))
        .toList();
    Dataset d = new Dataset(samples, List.of());
    Dataset val = v.apply(d);
    Dataset train = t.apply(d);
    assertThat(val.samples().size() + train.samples().size()).isEqualTo(samples.size());
    assertThat(val.samples().size() % 3).isZero();
    assertThat(val.samples().size()).isBetween(1000, 1400);
    assertThat(val.samples()).noneMatch(train.samples()::contains);
    assertThat(Split.all().apply(d).samples()).hasSize(samples.size());
  }

  @Test
  void aDifferentSeedDrawsADifferentSplit() {
    Split a = Split.parse("validation", 5, "a");
    Split b = Split.parse("validation", 5, "b");
    long differ = IntStream.range(0, 500).filter(i -> a.isValidation("p" + i) != b.isValidation("p" + i)).count();
    assertThat(differ).isGreaterThan(50);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> Split.parse("holdout", 5, "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Split.parse("train", 1, "s")).isInstanceOf(IllegalArgumentException.class);
  }
}
