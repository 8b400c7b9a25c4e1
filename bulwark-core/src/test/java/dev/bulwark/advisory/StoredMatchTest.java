package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact stored match form (schema 3, versions as byte keys) must decide exactly as the full
 * records do: every record of the real OSV archives, asked about every version its events and
 * lists name (and a few around them), pinned and as a caret range, gives the same matches through
 * both paths; and a row's key envelope, which pinned lookups filter by (PackedIndex), holds every pinned
 * version that matches.
 */
class StoredMatchTest {
  private final AdvisoryMatcher matcher = new AdvisoryMatcher(new RangeEvaluator(VersionScheme::of));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"npm-nswg.zip", "PyPI-pysec.zip", "MAL-npm-sample.zip"})
  void storedFormMatchesAsTheFullRecordDoes(String archive) throws Exception {
    List<OsvRecord> records = new ArrayList<>();
    new ArchiveReader(archive, new ArrayList<>()).readZipFile(TestData.osvArchives().resolve(archive),
        (entry, json) -> records.add(OsvParser.parse(json, entry)));
    assertThat(records).hasSizeGreaterThan(40);
    int compared = 0;
    int matched = 0;
    int inEnvelope = 0;
    int pruned = 0;
    for (OsvRecord r : records) {
      StoredAdvisory full = StoredAdvisory.of(r);
      for (OsvAffected a : r.affected()) {
        byte[] row = MatchCodec.encode(full, a.ecosystem(), a.name());
        byte[][] envelope = MatchCodec.envelope(full, a.ecosystem(), a.name());
        for (String v : probes(a)) {
          for (boolean unpinned : new boolean[] {false, true}) {
            String spec = unpinned ? (a.ecosystem() == Ecosystem.NPM ? "^" + v : ">=" + v) : v;
            Dependency d = TestData.dep(a.ecosystem(), a.name(), spec, unpinned);
            List<AdvisoryMatch> want = matcher.match(d, List.of(full), true);
            // A reader is consumed by rest(): read the row again for each question.
            MatchCodec.Reader stored = new MatchCodec.Reader(r.id(), row);
            assertThat(matcher.matchStored(d, List.of(stored), true)).as(r.id() + " " + spec).isEqualTo(want);
            if (!unpinned && !want.isEmpty()) {
              byte[] key = VersionScheme.of(a.ecosystem()).key(spec);
              assertThat(Arrays.compareUnsigned(envelope[0], key)).as("lo " + r.id() + " " + spec).isLessThanOrEqualTo(0);
              assertThat(Arrays.compareUnsigned(envelope[1], key)).as("hi " + r.id() + " " + spec).isGreaterThanOrEqualTo(0);
              inEnvelope++;
            } else if (!unpinned && outside(envelope, VersionScheme.of(a.ecosystem()).key(spec))) {
              pruned++;
            }
            compared++;
            matched += want.isEmpty() ? 0 : 1;
          }
        }
      }
    }
    assertThat(matched).isPositive().isLessThan(compared);
    assertThat(inEnvelope).isPositive();
    assertThat(pruned).as("the envelope leaves some non-matching rows out").isPositive();
  }

  private static boolean outside(byte[][] envelope, byte[] key) {
    return Arrays.compareUnsigned(envelope[0], key) > 0 || Arrays.compareUnsigned(envelope[1], key) < 0;
  }

  /** Every event version, and up to 8 listed versions spread over the list (lists run to hundreds). */
  private static Set<String> probes(OsvAffected a) {
    Set<String> out = new LinkedHashSet<>();
    for (OsvRange r : a.ranges()) {
      for (OsvEvent e : r.events()) {
        out.add(e.version());
      }
    }
    int n = a.versions().size();
    for (int i = 0; i < Math.min(8, n); i++) {
      out.add(a.versions().get(i * n / Math.min(8, n)));
    }
    out.add("0.0.1");
    out.add("999.0.0");
    out.remove("*");
    out.remove("0");
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"npm-nswg.zip", "PyPI-pysec.zip", "MAL-npm-sample.zip", "MAL-PyPI-sample.zip"})
  void aMatchOfOneAdvisoryIsBuiltAsTheGeneralMergeBuildsIt(String archive) throws Exception {
    List<OsvRecord> records = new ArrayList<>();
    new ArchiveReader(archive, new ArrayList<>()).readZipFile(TestData.osvArchives().resolve(archive),
        (entry, json) -> records.add(OsvParser.parse(json, entry)));
    for (OsvRecord r : records) {
      for (boolean unpinned : new boolean[] {false, true}) {
        StoredAdvisory a = StoredAdvisory.of(r);
        VersionScheme s = VersionScheme.of(r.affected().isEmpty() ? Ecosystem.NPM : r.affected().get(0).ecosystem());
        List<String> fixed = new ArrayList<>();
        r.affected().forEach(x -> x.ranges().forEach(g -> fixed.addAll(RangeEvaluator.fixedVersions(g))));
        AdvisoryMatcher.Hit hit = new AdvisoryMatcher.Hit(a, fixed);
        assertThat(AliasGroups.single(hit, unpinned, s)).as(r.id())
            .isEqualTo(AliasGroups.combineAny(List.of(hit), unpinned, s));
      }
    }
  }

  @Test
  void withdrawnRowsAreSkippedUnlessAsked() throws Exception {
    OsvRecord r = TestData.record("ranges/withdrawn.json");
    OsvAffected a = r.affected().get(0);
    byte[] row = MatchCodec.encode(StoredAdvisory.of(r), a.ecosystem(), a.name());
    Dependency d = TestData.exact(Ecosystem.NPM, "pkg", "1.0.0");

    assertThat(matcher.matchStored(d, List.of(new MatchCodec.Reader(r.id(), row)), false)).isEmpty();
    assertThat(matcher.matchStored(d, List.of(new MatchCodec.Reader(r.id(), row)), true))
        .extracting(AdvisoryMatch::id).containsExactly("TEST-12");
  }

  @Test
  void truncatedRowIsADomainError() throws Exception {
    OsvRecord r = TestData.record("ranges/multiple-pairs.json");
    OsvAffected a = r.affected().get(0);
    byte[] row = MatchCodec.encode(StoredAdvisory.of(r), a.ecosystem(), a.name());
    byte[] cut = java.util.Arrays.copyOf(row, 9);

    Dependency d = TestData.exact(Ecosystem.NPM, "pkg", "1.0.0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> matcher.matchStored(d, List.of(new MatchCodec.Reader(r.id(), cut)), true))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining(r.id());
  }

  @Test
  void anIdReadAsBytesIsDecodedForAMatchAndForAnError() throws Exception {
    OsvRecord r = TestData.record("ranges/withdrawn.json");
    OsvAffected a = r.affected().get(0);
    byte[] row = MatchCodec.encode(StoredAdvisory.of(r), a.ecosystem(), a.name());
    byte[] id = r.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Dependency d = TestData.exact(Ecosystem.NPM, "pkg", "1.0.0");

    assertThat(matcher.matchStored(d, List.of(MatchCodec.Reader.ofEncodedId(id, row)), true))
        .extracting(AdvisoryMatch::id).containsExactly("TEST-12");
    byte[] cut = java.util.Arrays.copyOf(row, 9);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> matcher.matchStored(d, List.of(MatchCodec.Reader.ofEncodedId(id, cut)), true))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining(r.id());
  }

  /** Unsorted, repeated and too many references and ids, and fixed versions of 0, 1 and 3. */
  @Test
  void aSingleMatchSortsAndTrimsAsTheGeneralMerge() {
    List<String> refs = new ArrayList<>();
    for (int i = 30; i > 0; i--) {
      refs.add("https://example.invalid/ref/" + (i % 25));
    }
    List<List<String>> fixedCases = List.of(List.of(), List.of("2.0.0"), List.of("3.0.0", "1.0.1", "3.0.0"));
    List<List<String>> aliasCases = List.of(List.of(), List.of("CVE-2020-2", "GHSA-aaaa-bbbb-cccc", "CVE-2020-1"),
        List.of("MAL-2020-1", "MAL-2020-1"));
    for (List<String> fixed : fixedCases) {
      for (List<String> aliases : aliasCases) {
        for (List<String> references : List.of(List.<String>of(), List.of("https://example.invalid/one"), refs)) {
          StoredAdvisory adv = new StoredAdvisory("GHSA-zzzz-yyyy-xxxx", AdvisoryKind.VULNERABILITY,
              dev.bulwark.model.Severity.HIGH, java.util.OptionalDouble.of(7.5), "s", aliases,
              List.of("CVE-2020-1", "OTHER-1"), false, new BlobCodec.Blob(List.of(), references));
          AdvisoryMatcher.Hit hit = new AdvisoryMatcher.Hit(adv, fixed);
          VersionScheme s = VersionScheme.of(Ecosystem.NPM);
          assertThat(AliasGroups.single(hit, false, s)).as("%s %s %s", fixed, aliases, references.size())
              .isEqualTo(AliasGroups.combineAny(List.of(hit), false, s));
        }
      }
    }
  }
}
