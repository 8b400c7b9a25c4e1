package dev.bulwark.monitor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VersionKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.bulwark.monitor.WatchFakes;

/**
 * The store contract, on SQLite (embedded) and on a real PostgreSQL (distributed; skipped when
 * PostgreSQL is not installed, required under CI=true): alerts are deduplicated, resolved by the
 * next upload, raised again when the version returns; the index finds exact versions only.
 */
class WatchStoreTest {
  static final VersionKey X = new VersionKey(Ecosystem.NPM, "x", "1.0.0");
  static final VersionKey Y = new VersionKey(Ecosystem.PYPI, "y", "2.0");

  @Test
  void sqlite(@TempDir Path dir) throws Exception {
    try (SqliteWatchStore s = SqliteWatchStore.open(dir)) {
      contract(s);
    }
  }

  @Test
  void postgres() throws Exception {
    try (WatchFakes.Postgres pg = new WatchFakes.Postgres()) {
      String url = pg.database("watch_store");
      try (PgWatchStore s = PgWatchStore.open(url, 2)) {
        contract(s);
      }
      // Opening again finds the schema migrated and the rows kept.
      try (PgWatchStore s = PgWatchStore.open(url, 2)) {
        assertThat(s.projects()).hasSize(3);
        assertThat(s.tokens()).isEmpty();
      }
    }
  }

  static void contract(WatchStore s) throws Exception {
    Instant t = Instant.parse("2026-12-07T00:00:00Z");
    {
      s.replace("a", "package-lock.json", List.of(new PinnedPackage(X, false, true, false),
          new PinnedPackage(Y, false, false, false)), t);
      s.replace("b", "package-lock.json", List.of(new PinnedPackage(X, false, true, false)), t);
      s.replace("c", "package.json", List.of(new PinnedPackage(new VersionKey(Ecosystem.NPM, "x",
          "1.0.0"), true, true, false)), t);
      assertThat(s.projectsPinning(X)).containsExactly("a", "b");
      assertThat(s.pinnedVersions()).containsExactly(X, Y);

      assertThat(s.raise("a", X, "verdict:malicious", "malicious", "m", t)).isPresent();
      assertThat(s.raise("a", X, "verdict:malicious", "malicious", "m", t)).isEmpty();
      assertThat(s.raise("a", X, "advisory:MAL-1", "malicious", "m", t)).isPresent();
      assertThat(s.acknowledge(1, t)).isTrue();
      assertThat(s.acknowledge(1, t)).isFalse();

      WatchStore.Replaced r = s.replace("a", "package-lock.json",
          List.of(new PinnedPackage(Y, false, false, false)), t.plusSeconds(5));
      assertThat(r.resolved()).extracting(Alert::cause)
          .containsExactlyInAnyOrder("verdict:malicious", "advisory:MAL-1");
      assertThat(s.alerts(Optional.empty(), Optional.of(AlertState.RESOLVED), Optional.empty(),
          10)).hasSize(2);
      assertThat(s.projectsPinning(X)).containsExactly("b");

      s.replace("a", "package-lock.json", List.of(new PinnedPackage(X, false, true, false)),
          t.plusSeconds(10));
      Optional<Alert> again = s.raise("a", X, "verdict:malicious", "malicious", "m",
          t.plusSeconds(10));
      assertThat(again).isPresent();
      assertThat(again.get().state()).isEqualTo(AlertState.NEW);
      assertThat(again.get().id()).isEqualTo(1);
      assertThat(s.alerts(Optional.of(t.plusSeconds(10)), Optional.empty(), Optional.empty(), 10))
          .hasSize(1);
    }
  }
}
