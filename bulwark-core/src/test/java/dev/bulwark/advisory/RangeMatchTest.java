package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.VersionScheme;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OSV event evaluation, one testdata record per case, for exact versions and unpinned ranges. */
class RangeMatchTest {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher(new RangeEvaluator(VersionScheme::of));

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      # file                        | name        | version          | unpinned | affected
      introduced-zero.json          | pkg         | 0.0.1            | false    | true
      introduced-zero.json          | pkg         | 1.1.9            | false    | true
      introduced-zero.json          | pkg         | 1.2.0-beta.1     | false    | true
      introduced-zero.json          | pkg         | 1.2.0            | false    | false
      introduced-zero.json          | pkg         | 2.0.0            | false    | false
      introduced-zero.json          | pkg         | ^1.1.0           | true     | true
      introduced-zero.json          | pkg         | >=1.2.0          | true     | false
      introduced-zero.json          | pkg         | ''               | true     | true
      multiple-pairs.json           | pkg         | 0.9              | false    | false
      multiple-pairs.json           | pkg         | 1.0.0            | false    | true
      multiple-pairs.json           | pkg         | 1.4.9            | false    | true
      multiple-pairs.json           | pkg         | 1.5              | false    | false
      multiple-pairs.json           | pkg         | 1.9              | false    | false
      multiple-pairs.json           | pkg         | 2.0              | false    | true
      multiple-pairs.json           | pkg         | 2.3.0            | false    | false
      multiple-pairs.json           | pkg         | '>=1.5,<2.0'     | true     | false
      multiple-pairs.json           | pkg         | '>=1.5,<2.1'     | true     | true
      multiple-pairs.json           | pkg         | ~=2.3            | true     | false
      unsorted-events.json          | pkg         | 0.9              | false    | false
      unsorted-events.json          | pkg         | 1.2              | false    | true
      unsorted-events.json          | pkg         | 1.7              | false    | false
      unsorted-events.json          | pkg         | 2.2.9            | false    | true
      unsorted-events.json          | pkg         | 2.3              | false    | false
      last-affected.json            | pkg         | 0.9.0            | false    | false
      last-affected.json            | pkg         | 1.4.2            | false    | true
      last-affected.json            | pkg         | 1.4.3            | false    | false
      last-affected.json            | pkg         | ~1.4.3           | true     | false
      last-affected.json            | pkg         | ~1.4.0           | true     | true
      limit.json                    | pkg         | 1.9.9            | false    | true
      limit.json                    | pkg         | 2.0.0            | false    | false
      limit.json                    | pkg         | ^2.0.0           | true     | false
      limit-star.json               | pkg         | 0.9.0            | false    | false
      limit-star.json               | pkg         | 9.0.0            | false    | true
      open-ended.json               | pkg         | 2.9.9            | false    | false
      open-ended.json               | pkg         | 3.0.0            | false    | true
      open-ended.json               | pkg         | 99.0.0           | false    | true
      introduced-equals-fixed.json  | pkg         | 1.0              | false    | false
      versions-only.json            | pkg         | 1.0.1            | false    | true
      versions-only.json            | pkg         | 1.0.2            | false    | false
      versions-only.json            | pkg         | ~1.0.2           | true     | true
      versions-only.json            | pkg         | ^1.0.4           | true     | false
      no-ranges-no-versions.json    | pkg         | 5.5.5            | false    | true
      git-only.json                 | pkg         | 1.0              | false    | false
      withdrawn.json                | pkg         | 1.0.0            | false    | false
      pypi-name-normalised.json     | foo-bar-baz | 1.0              | false    | true
      pypi-name-normalised.json     | Foo.Bar_baz | 1.9.9            | false    | true
      pypi-name-normalised.json     | foo-bar-baz | 2.0.0            | false    | false
      pypi-name-normalised.json     | foo-bar     | 1.0              | false    | false
      """)
  void evaluatesEvents(String file, String name, String version, boolean unpinned, boolean affected)
      throws Exception {
    OsvRecord r = TestData.record("ranges/" + file);
    Ecosystem eco = r.affected().get(0).ecosystem();
    Dependency d = TestData.dep(eco, name, version, unpinned);

    List<AdvisoryMatch> matches = matcher.match(d, List.of(StoredAdvisory.of(r)), false);

    assertThat(matches).hasSize(affected ? 1 : 0);
    matches.forEach(m -> assertThat(m.unpinned()).isEqualTo(unpinned || version.isEmpty()));
  }

  @Test
  void pinnedDependencyWithoutVersionIsTreatedAsAnyVersion() throws Exception {
    OsvRecord r = TestData.record("ranges/open-ended.json");
    Dependency d = TestData.exact(Ecosystem.NPM, "pkg", "");

    assertThat(matcher.match(d, List.of(StoredAdvisory.of(r)), false))
        .singleElement()
        .satisfies(m -> assertThat(m.unpinned()).isTrue());
  }

  @Test
  void withdrawnIsMatchedOnlyOnRequest() throws Exception {
    OsvRecord r = TestData.record("ranges/withdrawn.json");
    Dependency d = TestData.exact(Ecosystem.NPM, "pkg", "1.0.0");

    assertThat(matcher.match(d, List.of(StoredAdvisory.of(r)), true))
        .extracting(AdvisoryMatch::id)
        .containsExactly("TEST-12");
  }

  @Test
  void fixedVersionsAreCollectedAndSortedByVersion() throws Exception {
    OsvRecord r = TestData.record("ranges/unsorted-events.json");
    Dependency d = TestData.exact(Ecosystem.PYPI, "pkg", "1.2");

    assertThat(matcher.match(d, List.of(StoredAdvisory.of(r)), false).get(0).fixedVersions())
        .containsExactly("1.5", "2.3");
  }
}
