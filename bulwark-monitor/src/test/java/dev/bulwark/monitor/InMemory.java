package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Simple in-memory stores for tests of the transport-independent logic. */
final class InMemory {
  private InMemory() {}

  static final class Cursors implements CursorStore {
    final Map<String, Cursor> cursors = new HashMap<>();
    final Set<VersionKey> seen = new HashSet<>();

    @Override
    public Optional<Cursor> load(String feed) {
      return Optional.ofNullable(cursors.get(feed));
    }

    @Override
    public boolean seen(VersionKey key) {
      return seen.contains(key);
    }

    @Override
    public void commit(String feed, Cursor cursor, Collection<VersionKey> queued) {
      cursors.put(feed, cursor);
      seen.addAll(queued);
    }
  }

  static final class Queue implements VersionQueue {
    final List<Delivery> ready = new ArrayList<>();
    final List<VersionEvent> acked = new ArrayList<>();
    final List<DeadLetter> dead = new ArrayList<>();
    boolean failPublish;
    long next = 1;

    @Override
    public void publish(List<VersionEvent> events) throws StoreException {
      if (failPublish) {
        throw new StoreException("down");
      }
      events.forEach(e -> ready.add(new Delivery(next++, e, 1)));
    }

    @Override
    public List<Delivery> poll(int max, Duration wait) {
      List<Delivery> out = new ArrayList<>(ready.subList(0, Math.min(max, ready.size())));
      ready.removeAll(out);
      return out;
    }

    @Override
    public void ack(Delivery d) {
      acked.add(d.event());
    }

    @Override
    public void retry(Delivery d, String reason) {
      ready.add(new Delivery(d.id(), d.event(), d.attempt() + 1));
    }

    @Override
    public void deadLetter(Delivery d, String reason) {
      dead.add(new DeadLetter(d.event(), d.attempt(), reason));
    }

    @Override
    public long pending() {
      return ready.size();
    }

    @Override
    public List<DeadLetter> deadLetters() {
      return dead;
    }
  }

  static final class Verdicts implements VerdictStore {
    final Map<String, VerdictRecord> rows = new HashMap<>();

    @Override
    public boolean upsert(VerdictRecord r) {
      return rows.put(r.key() + "#" + r.artifactHash(), r) == null;
    }

    @Override
    public List<VerdictRecord> query(Query q) {
      return rows.values().stream().sorted(Comparator.comparing(VerdictRecord::key)).toList();
    }

    @Override
    public Optional<VerdictRecord> previous(Ecosystem eco, String name, String version,
        Instant before) {
      return rows.values().stream()
          .filter(r -> r.key().ecosystem() == eco && r.key().name().equals(name)
              && !r.key().version().equals(version) && r.verdict() != MonitorVerdict.ERROR
              && !r.event().published().isAfter(before))
          .max(Comparator.comparing(r -> r.event().published()));
    }
  }
}
