package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Dependency;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import dev.bulwark.version.VersionScheme;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random advisories (ranges of every event type, SEMVER and ECOSYSTEM, listed versions,
 * several entries and names per record, aliases that merge records, withdrawn and replaced
 * records) and random dependencies, pinned and unpinned: the packed lookup of schema 4 gives
 * exactly the findings of the per-advisory lookup of schema 3 (the same SQL as before, on the
 * same file) and of the matcher over the full records (the path of schema 1), one dependency at
 * a time and in batches ({@link AdvisoryDatabase#matchAll}); and a file
 * downgraded to schema 3 is upgraded in place to the same answers.
 */
class PackedMatchPropertyTest {
  private static final List<String> NPM_NAMES = List.of("a", "b", "c", "@s/d");
  private static final List<String> PYPI_NAMES = List.of("foo-bar", "baz");
  private static final List<String> PYPI_VERSIONS = List.of("0.9", "1.0", "1.0.post1", "1.1", "2.0rc1",
      "2.0", "2.0.1", "3.0.dev1", "1!0.5", "1.0+local");
  private static final OsvEvent.Type[] TYPES = OsvEvent.Type.values();
  private static final String OLD_LOOKUP = "SELECT advisory_id, match FROM affected WHERE ecosystem = ? AND name = ?";
  private static final String OLD_PINNED = OLD_LOOKUP + " AND lo <= ? AND hi >= ?";

  @TempDir Path dir;

  private final AdvisoryMatcher matcher = new AdvisoryMatcher(new RangeEvaluator(VersionScheme::of));

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void packedLookupFindsWhatTheOldPathsFind(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OsvRecord> records = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      records.add(record(rnd, i));
    }
    Path db = dir.resolve("p" + seed + ".db");
    try (DbWriter w = DbWriter.create(db)) {
      for (OsvRecord r : records) {
        w.add(r, "test");
      }
      w.finish(Instant.parse("2026-12-07T00:00:00Z"));
    }
    // What the store keeps of each id: the newest version (modified times are all distinct).
    Map<String, OsvRecord> newest = new LinkedHashMap<>();
    for (OsvRecord r : records) {
      newest.merge(r.id(), r, (a, b) -> a.modified().compareTo(b.modified()) >= 0 ? a : b);
    }
    List<Dependency> deps = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      deps.add(dependency(rnd));
    }
    int hits = compare(db, deps, newest);
    assertThat(hits).as("the random data must produce matches").isGreaterThan(50);

    // Back to schema 3 (no packed table); opening it upgrades it in place to the same answers.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("DROP TABLE packages");
      st.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    }
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      assertThat(d.upgradedFrom()).isEqualTo(3);
      assertThat(d.status().schemaVersion()).isEqualTo(Schema.VERSION);
    }
    assertThat(compare(db, deps, newest)).isEqualTo(hits);
    try (AdvisoryDatabase d = AdvisoryDatabase.open(db)) {
      assertThat(d.upgradedFrom()).isZero();
    }
  }

  /** Asks every dependency through the three paths, with and without withdrawn records. */
  private int compare(Path db, List<Dependency> deps, Map<String, OsvRecord> newest) throws Exception {
    int hits = 0;
    try (AdvisoryDatabase packed = AdvisoryDatabase.open(db);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement all = c.prepareStatement(OLD_LOOKUP);
        PreparedStatement pinned = c.prepareStatement(OLD_PINNED)) {
      // Batched: several queries of AdvisoryDatabase.BATCH names, both ecosystems in each.
      assertThat(deps).hasSizeGreaterThan(AdvisoryDatabase.BATCH);
      List<List<AdvisoryMatch>> batched = packed.matchAll(deps, false);
      List<List<AdvisoryMatch>> batchedWithdrawn = packed.matchAll(deps, true);
      for (int i = 0; i < deps.size(); i++) {
        Dependency d = deps.get(i);
        for (boolean withdrawn : new boolean[] {false, true}) {
          List<AdvisoryMatch> got = packed.match(d, withdrawn);
          assertThat((withdrawn ? batchedWithdrawn : batched).get(i)).as("batched %s", d.version()).isEqualTo(got);
          assertThat(got).as("%s vs schema 3, withdrawn %s", d.version(), withdrawn)
              .isEqualTo(schema3(d, all, pinned, withdrawn));
          assertThat(got).as("%s %s vs full records, withdrawn %s", d.name(), d.version(), withdrawn)
              .isEqualTo(matcher.match(d, fullCandidates(d, newest), withdrawn));
          hits += got.size();
        }
      }
    }
    return hits;
  }

  /** The lookup of schema 3: one row per advisory, pinned versions filtered by the envelope in SQL. */
  private List<AdvisoryMatch> schema3(Dependency d, PreparedStatement all, PreparedStatement pinned,
      boolean withdrawn) throws Exception {
    MatchCodec.Probe probe = matcher.probe(d);
    PreparedStatement st = probe.unpinned() ? all : pinned;
    st.setString(1, d.ecosystem().osvName());
    st.setString(2, d.name());
    if (!probe.unpinned()) {
      st.setBytes(3, probe.exact());
      st.setBytes(4, probe.exact());
    }
    List<MatchCodec.Reader> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        rows.add(MatchCodec.Reader.ofEncodedId(rs.getBytes(1), rs.getBytes(2)));
      }
    }
    return matcher.matchStored(d, probe, rows, withdrawn);
  }

  /** Schema 1's path: every full record naming the package, in id order, as the index held them. */
  private static List<StoredAdvisory> fullCandidates(Dependency d, Map<String, OsvRecord> newest) {
    List<StoredAdvisory> out = new ArrayList<>();
    for (OsvRecord r : newest.values()) {
      if (r.affected().stream().anyMatch(a -> a.ecosystem() == d.ecosystem() && a.name().equals(d.name()))) {
        out.add(StoredAdvisory.of(r));
      }
    }
    out.sort(Comparator.comparing(StoredAdvisory::id));
    return out;
  }

  private static OsvRecord record(SplittableRandom rnd, int serial) {
    String id = id(rnd);
    List<String> aliases = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      String a = id(rnd);
      if (!a.equals(id) && !aliases.contains(a)) {
        aliases.add(a);
      }
    }
    List<OsvAffected> affected = new ArrayList<>();
    for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
      affected.add(affected(rnd));
    }
    // Distinct modified times in random order, so that a repeated id keeps its newest version.
    String modified = String.format("2026-%02d-%02dT00:00:%02dZ", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), serial % 60)
        + "#".repeat(serial / 60);
    boolean malicious = id.startsWith("MAL-");
    Severity severity = malicious ? Severity.CRITICAL : Severity.values()[rnd.nextInt(Severity.values().length)];
    OptionalDouble score = rnd.nextBoolean() ? OptionalDouble.of(rnd.nextInt(101) / 10.0) : OptionalDouble.empty();
    List<String> refs = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      refs.add("https://example.invalid/" + rnd.nextInt(10));
    }
    return new OsvRecord(id, modified, "", rnd.nextInt(10) == 0 ? "2026-12-01T00:00:00Z" : "", aliases,
        rnd.nextInt(4) == 0 ? List.of(id(rnd)) : List.of(), "summary of " + id + " " + serial,
        malicious ? AdvisoryKind.MALICIOUS : AdvisoryKind.VULNERABILITY, severity, score, affected, refs,
        List.of());
  }

  private static String id(SplittableRandom rnd) {
    int n = rnd.nextInt(60);
    return switch (n % 4) {
      case 0 -> "GHSA-" + n;
      case 1 -> "CVE-2026-" + n;
      case 2 -> "PYSEC-2026-" + n;
      default -> "MAL-2026-" + n;
    };
  }

  private static OsvAffected affected(SplittableRandom rnd) {
    boolean npm = rnd.nextInt(3) > 0;
    Ecosystem eco = npm ? Ecosystem.NPM : Ecosystem.PYPI;
    String name = npm ? NPM_NAMES.get(rnd.nextInt(NPM_NAMES.size())) : PYPI_NAMES.get(rnd.nextInt(PYPI_NAMES.size()));
    List<OsvRange> ranges = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      boolean semver = npm ? rnd.nextInt(4) > 0 : rnd.nextInt(5) == 0;
      List<OsvEvent> events = new ArrayList<>();
      for (int e = 1 + rnd.nextInt(5); e > 0; e--) {
        OsvEvent.Type t = TYPES[events.isEmpty() ? 0 : rnd.nextInt(TYPES.length)];
        String v = t == OsvEvent.Type.INTRODUCED && rnd.nextInt(4) == 0 ? "0"
            : t == OsvEvent.Type.LIMIT && rnd.nextInt(6) == 0 ? "*"
            : semver || npm ? npmVersion(rnd) : pypiVersion(rnd);
        events.add(new OsvEvent(t, v));
      }
      ranges.add(new OsvRange(semver ? OsvRange.SEMVER : OsvRange.ECOSYSTEM, events));
    }
    List<String> versions = new ArrayList<>();
    for (int i = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0; i > 0; i--) {
      versions.add(npm ? npmVersion(rnd) : pypiVersion(rnd));
    }
    return new OsvAffected(eco, name, ranges, versions, ranges.isEmpty() && versions.isEmpty());
  }

  private static String npmVersion(SplittableRandom rnd) {
    String v = rnd.nextInt(4) + "." + rnd.nextInt(4) + "." + rnd.nextInt(3);
    return rnd.nextInt(8) == 0 ? v + "-beta." + rnd.nextInt(2) : v;
  }

  private static String pypiVersion(SplittableRandom rnd) {
    return PYPI_VERSIONS.get(rnd.nextInt(PYPI_VERSIONS.size()));
  }

  private static Dependency dependency(SplittableRandom rnd) {
    boolean npm = rnd.nextInt(3) > 0;
    Ecosystem eco = npm ? Ecosystem.NPM : Ecosystem.PYPI;
    List<String> names = npm ? NPM_NAMES : PYPI_NAMES;
    String name = rnd.nextInt(20) == 0 ? "unknown" : names.get(rnd.nextInt(names.size()));
    int kind = rnd.nextInt(10);
    if (kind < 6) {
      return TestData.exact(eco, name, npm ? npmVersion(rnd) : pypiVersion(rnd));
    }
    if (kind == 6) {
      return TestData.dep(eco, name, "", true);
    }
    String v = npm ? npmVersion(rnd) : pypiVersion(rnd);
    String range = npm ? List.of("^", "~", ">=", "<").get(rnd.nextInt(4)) + v
        : List.of(">=", "~=", "<", "==").get(rnd.nextInt(4)) + v;
    return TestData.dep(eco, name, range, true);
  }
}
