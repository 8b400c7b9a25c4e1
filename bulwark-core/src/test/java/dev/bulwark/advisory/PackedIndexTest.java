package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.VersionScheme;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packed lookup value of schema 4: envelope pruning, the stored order, and damaged values. */
class PackedIndexTest {
  private static final VersionScheme NPM = VersionScheme.of(Ecosystem.NPM);

  @ParameterizedTest(name = "[{0}, {1}] {2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      # lo      | hi      | probe      | kept
      1.0.0     | 2.0.0   | 1.5.0      | true
      1.0.0     | 2.0.0   | 1.0.0      | true
      1.0.0     | 2.0.0   | 2.0.0      | true
      1.0.0     | 2.0.0   | 0.9.9      | false
      1.0.0     | 2.0.0   | 2.0.1      | false
      1.0.0     | 2.0.0   | 2.0.0-rc.1 | true
      1.0.0     | 2.0.0   | 1.0.0-rc.1 | false
      BOTTOM    | 2.0.0   | 0.0.0      | true
      1.0.0     | TOP     | 999.0.0    | true
      BOTTOM    | TOP     | not-semver | true
      TOP       | BOTTOM  | 1.0.0      | false
      1.0.0     | 1.0.0   | 1.0.0      | true
      1.0.0     | 1.0.0   | 1.0.1      | false
      """)
  void aPinnedProbeKeepsTheRowsWhoseEnvelopeHoldsIt(String lo, String hi, String probe, boolean kept)
      throws Exception {
    PackedIndex.Builder b = new PackedIndex.Builder();
    b.add(utf8("ID-1"), key(lo), key(hi), row());
    byte[] packed = b.build();

    List<MatchCodec.Reader> pinned = PackedIndex.candidates(packed, MatchCodec.Probe.exact(probe, NPM, NPM), "t");
    assertThat(pinned).hasSize(kept ? 1 : 0);
    pinned.forEach(r -> assertThat(r.id()).isEqualTo("ID-1"));
    // An unpinned probe reads every row; the envelope bounds pinned versions only.
    MatchCodec.Probe any = MatchCodec.Probe.unpinned(List.of(), NPM, NPM, v -> true);
    assertThat(PackedIndex.candidates(packed, any, "t")).hasSize(1);
  }

  @Test
  void rowsComeBackInStoredOrderAndReadAsTheirOwnRows() throws Exception {
    OsvRecord r = TestData.record("ranges/multiple-pairs.json");
    OsvAffected a = r.affected().get(0);
    byte[] row = MatchCodec.encode(StoredAdvisory.of(r), a.ecosystem(), a.name());
    PackedIndex.Builder b = new PackedIndex.Builder();
    for (String id : List.of("A-1", "B-2", "C-3")) {
      b.add(utf8(id), MatchCodec.BOTTOM, MatchCodec.TOP, row);
    }
    MatchCodec.Probe probe = MatchCodec.Probe.exact("1.0.0", VersionScheme.of(a.ecosystem()), NPM);
    List<MatchCodec.Reader> rows = PackedIndex.candidates(b.build(), probe, "t");

    assertThat(rows).extracting(MatchCodec.Reader::id).containsExactly("A-1", "B-2", "C-3");
    for (MatchCodec.Reader x : rows) {
      boolean[] hit = x.affecting(probe);
      MatchCodec.Reader single = new MatchCodec.Reader(x.id(), row);
      assertThat(hit).isNotNull().isEqualTo(single.affecting(probe));
      MatchCodec.Rest alone = single.rest();
      assertThat(x.rest().fixed()).isEqualTo(alone.fixed());
    }
    b.reset();
    assertThat(b.isEmpty()).isTrue();
    assertThat(PackedIndex.candidates(b.build(), probe, "t")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
      # case                    | hex                                    | message
      empty                     | ''                                     | unreadable
      unknown format            | 0200000000                             | unknown format
      count without entries     | 0100000001                             | unreadable
      negative count            | 01ffffffff                             | unreadable
      id longer than the value  | 01000000010000ff00000000000000000000   | unreadable
      cut in the row            | 010000000100000001410000000000000000000000050102 | unreadable
      """)
  void aDamagedValueIsADomainErrorNamingTheLookup(String name, String hex, String message) {
    byte[] packed = HexFormat.of().parseHex(hex);
    assertThatThrownBy(() -> PackedIndex.candidates(packed, MatchCodec.Probe.exact("1.0.0", NPM, NPM), "db: npm:x"))
        .isInstanceOf(AdvisoryException.class).hasMessageContaining("db: npm:x").hasMessageContaining(message);
  }

  private static byte[] key(String v) {
    return switch (v) {
      case "BOTTOM" -> MatchCodec.BOTTOM;
      case "TOP" -> MatchCodec.TOP;
      default -> NPM.key(v);
    };
  }

  private static byte[] row() throws Exception {
    OsvRecord r = TestData.record("ranges/introduced-zero.json");
    OsvAffected a = r.affected().get(0);
    return MatchCodec.encode(StoredAdvisory.of(r), a.ecosystem(), a.name());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
