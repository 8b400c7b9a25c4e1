package dev.bulwark.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Ecosystem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowerWorkerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  static VersionEvent event(String name, String version, String published) {
    return new VersionEvent(new VersionKey(Ecosystem.NPM, name, version), "http://127.0.0.1/x.tgz",
        ArtifactHash.fromHex("sha256", "ab"), Instant.parse(published), "npm", "1");
  }

  /** A feed that replays scripted batches. */
  static final class Script implements FeedSource {
    final Deque<FeedBatch> batches = new ArrayDeque<>();

    @Override
    public String name() {
      return "npm";
    }

    @Override
    public Cursor start(boolean fromBeginning, Instant now) {
      return new Cursor("0", fromBeginning ? Instant.EPOCH : now);
    }

    @Override
    public FeedBatch poll(Cursor cursor) {
      return batches.isEmpty() ? new FeedBatch(List.of(), cursor.position(), false, false)
          : batches.peek();
    }
  }

  @Test
  void cursorMovesOnlyAfterThePublishSucceeded() throws Exception {
    Script feed = new Script();
    feed.batches.add(new FeedBatch(List.of(event("a", "1.0.0", "2026-11-30T00:00:00Z")), "5",
        false, false));
    InMemory.Cursors cursors = new InMemory.Cursors();
    InMemory.Queue queue = new InMemory.Queue();
    FeedFollower f = new FeedFollower(feed, cursors, queue, CLOCK, true);
    queue.failPublish = true;
    assertThatThrownBy(f::step).isInstanceOf(StoreException.class);
    assertThat(cursors.cursors.get("npm").position()).isEqualTo("0");
    queue.failPublish = false;
    assertThat(f.step().queued()).isEqualTo(1);
    assertThat(cursors.cursors.get("npm").position()).isEqualTo("5");
    // The same batch again (a replay after a crash) queues nothing new.
    assertThat(f.step().queued()).isZero();
    assertThat(queue.ready).hasSize(1);
  }

  @Test
  void sinceNowSkipsVersionsPublishedBeforeTheStart() throws Exception {
    Script feed = new Script();
    feed.batches.add(new FeedBatch(List.of(event("a", "1.0.0", "2026-11-30T00:00:00Z"),
        event("a", "1.0.1", "2026-12-01T00:00:01Z")), "5", false, false));
    InMemory.Queue queue = new InMemory.Queue();
    new FeedFollower(feed, new InMemory.Cursors(), queue, CLOCK, false).step();
    assertThat(queue.ready).extracting(d -> d.event().key().version()).containsExactly("1.0.1");
  }

  @Test
  void transientFailuresRetryThenEndAsErrorVerdictAndDeadLetter() throws Exception {
    InMemory.Queue queue = new InMemory.Queue();
    InMemory.Verdicts store = new InMemory.Verdicts();
    queue.publish(List.of(event("a", "1.0.0", "2026-11-30T00:00:00Z")));
    Judge failing = (e, prev) -> {
      throw new Judge.TransientFailure("HTTP 503");
    };
    Worker w = new Worker(queue, store, failing, CLOCK, 3);
    while (w.step(10, Duration.ZERO) > 0) {
      // drain
    }
    assertThat(store.rows).hasSize(1);
    VerdictRecord r = store.rows.values().iterator().next();
    assertThat(r.verdict()).isEqualTo(MonitorVerdict.ERROR);
    assertThat(r.reason()).contains("3 attempts").contains("HTTP 503");
    assertThat(queue.dead).hasSize(1);
    assertThat(queue.acked).isEmpty();
  }

  @Test
  void workerPassesThePreviousVerdictAndAcksAfterStoring() throws Exception {
    InMemory.Queue queue = new InMemory.Queue();
    InMemory.Verdicts store = new InMemory.Verdicts();
    queue.publish(List.of(event("a", "1.0.0", "2026-11-30T00:00:00Z"),
        event("a", "1.0.1", "2026-11-30T01:00:00Z")));
    Judge judge = (e, prev) -> new VerdictRecord(e, e.expected().key(), MonitorVerdict.CLEAN,
        prev.map(p -> "after " + p.key().version()).orElse("first"), 0, List.of(), Set.of(),
        CLOCK.instant());
    Worker w = new Worker(queue, store, judge, CLOCK, 3);
    w.step(1, Duration.ZERO);
    w.step(1, Duration.ZERO);
    assertThat(store.query(VerdictStore.Query.all())).extracting(VerdictRecord::reason)
        .containsExactly("first", "after 1.0.0");
    assertThat(queue.acked).hasSize(2);
  }

  @Test
  void sriPicksTheStrongestHash() {
    ArtifactHash h = ArtifactHash.fromSri("sha1-AAAA sha512-" + java.util.Base64.getEncoder()
        .encodeToString(new byte[] {1, 2}));
    assertThat(h).isEqualTo(new ArtifactHash("sha512", "0102"));
    assertThat(ArtifactHash.fromSri("garbage")).isEqualTo(ArtifactHash.none());
    assertThat(Optional.of(h.key()).flatMap(ArtifactHash::parseKey)).contains(h);
  }
}
