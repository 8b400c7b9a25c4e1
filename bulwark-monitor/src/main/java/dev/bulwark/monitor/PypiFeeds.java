package dev.bulwark.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PyPI feed: the XML-RPC journal ({@link PypiFeed}) when there is one, with the RSS updates
 * feed ({@link PypiRss}) as the fallback when the journal fails or is not configured.
 *
 * <p>The cursor holds both positions, {@code SERIAL|MILLIS|NAME|VERSION}: the journal's serial
 * ({@code -} without a journal, {@code ?} when it could not be asked at the start) and the RSS
 * mark, the newest (pubDate, name, version) taken. A journal batch moves the mark to its newest
 * version; an RSS batch leaves the serial alone, so a journal that comes back replays what RSS
 * covered (the seen set drops the repeats) and fills in what RSS lost. RSS is a window of recent
 * releases: when its oldest item is already newer than the mark, versions may have scrolled out
 * unseen, and the batch says so ({@link FeedBatch#lossy()}).
 */
final class PypiFeeds implements FeedSource {
  /** After a failure the journal is asked again only after this pause (RSS serves meanwhile). */
  static final Duration JOURNAL_PAUSE = Duration.ofMinutes(5);

  private final Optional<PypiFeed> journal;
  private final PypiFeed lookups;
  private final Optional<String> rss;
  private final FeedHttp http;
  private final Clock clock;
  private final int batch;
  private Instant journalPausedUntil = Instant.MIN;

  /**
   * @param rpcUrl the XML-RPC endpoint; empty: RSS only
   * @param rssUrl the RSS updates feed; empty: journal only
   * @param jsonBase the JSON API base for the versions' files
   */
  PypiFeeds(Optional<String> rpcUrl, Optional<String> rssUrl, String jsonBase, FeedHttp http,
      Clock clock, int batch) {
    if (rpcUrl.isEmpty() && rssUrl.isEmpty()) {
      throw new IllegalArgumentException("a PyPI feed needs the journal or the RSS URL");
    }
    this.journal = rpcUrl.map(u -> new PypiFeed(u, jsonBase, http, batch));
    this.lookups = journal.orElseGet(() -> new PypiFeed(jsonBase, jsonBase, http, batch));
    this.rss = rssUrl;
    this.http = http;
    this.clock = clock;
    this.batch = Math.max(1, batch);
  }

  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public Cursor start(boolean fromBeginning, Instant now)
      throws FeedException, InterruptedException {
    PypiRss.Item mark = fromBeginning ? PypiRss.Item.NONE : new PypiRss.Item(now, "", "");
    String serial = "-";
    if (journal.isPresent()) {
      try {
        serial = journal.get().start(fromBeginning, now).position();
      } catch (FeedException e) {
        if (rss.isEmpty()) {
          throw e;
        }
        pauseJournal();
        serial = "?";
      }
    }
    return new Cursor(serial + "|" + mark.encode(), fromBeginning ? Instant.EPOCH : now);
  }

  @Override
  public FeedBatch poll(Cursor cursor) throws FeedException, InterruptedException {
    String pos = cursor.position();
    int bar = pos.indexOf('|');
    String serial = bar < 0 ? pos : pos.substring(0, bar);
    PypiRss.Item mark = bar < 0 ? PypiRss.Item.NONE : PypiRss.Item.decode(pos.substring(bar + 1));
    if (journal.isPresent() && !clock.instant().isBefore(journalPausedUntil)) {
      try {
        if (serial.equals("?") || serial.equals("-")) {
          serial = journal.get().start(false, cursor.origin()).position();
        }
        FeedBatch b = journal.get().poll(new Cursor(serial, cursor.origin()));
        for (VersionEvent e : b.events()) {
          PypiRss.Item i = new PypiRss.Item(e.published(), e.key().name(), e.key().version());
          if (i.after(mark)) {
            mark = i;
          }
        }
        return new FeedBatch(b.events(), b.next() + "|" + mark.encode(), b.more(), b.reset());
      } catch (FeedException e) {
        if (rss.isEmpty()) {
          throw e;
        }
        pauseJournal();
      }
    }
    if (rss.isEmpty()) {
      // The journal is paused after a failure and there is no fallback: nothing this time.
      return new FeedBatch(List.of(), pos, false, false);
    }
    return fromRss(serial, mark);
  }

  private void pauseJournal() {
    journalPausedUntil = clock.instant().plus(JOURNAL_PAUSE);
  }

  private FeedBatch fromRss(String serial, PypiRss.Item mark)
      throws FeedException, InterruptedException {
    String url = rss.get();
    List<PypiRss.Item> items = http.get(url, PypiRss.MAX_RSS_BYTES, PypiRss::parse)
        .orElseThrow(() -> new FeedException(url, "no RSS feed here (HTTP 404)"));
    boolean lossy = !mark.equals(PypiRss.Item.NONE) && !items.isEmpty()
        && items.get(0).after(mark);
    List<PypiRss.Item> fresh = new ArrayList<>();
    for (PypiRss.Item i : items) {
      if (i.after(mark)) {
        fresh.add(i);
      }
    }
    boolean more = fresh.size() > batch;
    List<PypiRss.Item> take = more ? fresh.subList(0, batch) : fresh;
    List<VersionEvent> events = new ArrayList<>();
    PypiRss.Item next = mark;
    for (PypiRss.Item i : take) {
      Optional<VersionEvent> e = lookups.lookup(new PypiFeed.Entry(i.name(), i.version(),
          i.published().getEpochSecond(), "rss", 0));
      e.ifPresent(v -> events.add(new VersionEvent(v.key(), v.artifactUrl(), v.expected(),
          v.published(), v.feed(), "rss:" + i.encode())));
      next = i;
    }
    return new FeedBatch(events, serial + "|" + next.encode(), more, false, lossy);
  }
}
