package dev.bulwark.monitor.watch;

import dev.bulwark.advisory.AdvisoryMatch;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.monitor.EmbeddedMonitor;
import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.StoreException;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VerdictStore;
import dev.bulwark.monitor.VersionKey;
import dev.bulwark.monitor.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Organisation watch: stored inventories re-checked when a verdict or advisory lands. A verdict
 * finds its projects through the store's index (one lookup per verdict, not a scan of every
 * project); an upload is checked at once against the bad verdicts and the advisories known.
 * Events are handled on one thread of their own, so the monitor's workers only enqueue.
 */
public final class Watch implements AutoCloseable {
  /** Project names: 1 to 128 characters, no control, bidi or zero-width characters, no '/'. */
  static final int MAX_PROJECT_NAME = 128;

  /** What an upload did. */
  public record Uploaded(String project, String file, String format, int packages,
      List<String> problems, List<Alert> raised, List<Alert> resolved) {
    public Uploaded {
      problems = List.copyOf(problems);
      raised = List.copyOf(raised);
      resolved = List.copyOf(resolved);
    }
  }

  private final WatchStore store;
  private final UploadParser parser;
  private final AdvisorySource advisories;
  private final Clock clock;
  private final Metrics metrics;
  private final Consumer<String> errors;
  private final ScheduledExecutorService events;
  private volatile AlertSink sink = AlertSink.none();
  private volatile Optional<Webhook> webhook = Optional.empty();

  /**
   * Settings of the embedded watch.
   *
   * @param state the state folder ({@code watch.db} is written beside the monitor's)
   * @param advisoryDb the advisory database to check uploads against and to watch for updates
   * @param webhook where alerts are POSTed
   * @param webhookRetry the webhook's retries
   * @param advisoryPoll how often the advisory database's file is checked for a change
   */
  public record Options(Path state, Optional<Path> advisoryDb, Optional<URI> webhook,
      Webhook.Retry webhookRetry, Duration advisoryPoll) {
    public static Options of(Path state) {
      return new Options(state, Optional.empty(), Optional.empty(), Webhook.Retry.defaults(),
          Duration.ofSeconds(30));
    }

    public Options withAdvisoryDb(Optional<Path> v) {
      return new Options(state, v, webhook, webhookRetry, advisoryPoll);
    }

    public Options withWebhook(Optional<URI> v, Webhook.Retry r) {
      return new Options(state, advisoryDb, v, r, advisoryPoll);
    }

    public Options withAdvisoryPoll(Duration v) {
      return new Options(state, advisoryDb, webhook, webhookRetry, v);
    }
  }

  /**
   * Opens the embedded watch ({@code DIR/watch.db}).
   *
   * @param queueLag the monitor queue's pending count, for the metrics
   * @param errors told of errors on the watch's own threads
   * @param delivered told of each alert the webhook accepted (benchmarks)
   */
  public static Watch open(Options o, Clock clock, Sleeper sleeper, LongSupplier queueLag,
      Consumer<String> errors, Consumer<Alert> delivered) throws WatchException {
    return open(o, SqliteWatchStore.open(o.state()), clock, sleeper, queueLag, errors,
        delivered);
  }

  /** As above, on a given store (the distributed mode's {@link PgWatchStore}). */
  public static Watch open(Options o, WatchStore store, Clock clock, Sleeper sleeper,
      LongSupplier queueLag, Consumer<String> errors, Consumer<Alert> delivered)
      throws WatchException {
    Metrics m = new Metrics(clock, queueLag);
    Watch w = new Watch(store, new UploadParser(o.state().resolve(
        "tmp")), new AdvisorySource(o.advisoryDb()), clock, m, errors, o.advisoryPoll());
    if (o.webhook().isPresent()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      Webhook h = new Webhook(http, o.webhook().get(), sleeper, o.webhookRetry(), m, delivered);
      w.webhook = Optional.of(h);
      w.sink(h);
    }
    return w;
  }

  /** The store, for the CLI's token commands. */
  public static WatchStore openStore(Path state) throws WatchException {
    return SqliteWatchStore.open(state);
  }

  /** Writes the admin token on the first start; the file when it was written. */
  public Optional<Path> ensureAdminToken(Path dir) throws WatchException {
    return Tokens.ensureAdmin(store, dir, clock.instant());
  }

  Watch(WatchStore store, UploadParser parser, AdvisorySource advisories, Clock clock,
      Metrics metrics, Consumer<String> errors, Duration advisoryPoll) {
    this.store = store;
    this.parser = parser;
    this.advisories = advisories;
    this.clock = clock;
    this.metrics = metrics;
    this.errors = errors;
    this.events = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bulwark-watch-events");
      t.setDaemon(true);
      return t;
    });
    advisories.changed(); // the database as it is now is the baseline, checked at each upload
    long ms = Math.max(100, advisoryPoll.toMillis());
    events.scheduleWithFixedDelay(this::recheckAdvisoriesSafely, ms, ms, TimeUnit.MILLISECONDS);
  }

  WatchStore store() {
    return store;
  }

  Metrics metrics() {
    return metrics;
  }

  void sink(AlertSink s) {
    this.sink = s;
  }

  /** Wraps the monitor's listener: every judged version is also handed to the watch. */
  public EmbeddedMonitor.Listener listener(EmbeddedMonitor.Listener delegate) {
    return new EmbeddedMonitor.Listener() {
      @Override
      public void queued(String feed, int count, boolean reset) {
        delegate.queued(feed, count, reset);
      }

      @Override
      public void judged(VerdictRecord r) {
        delegate.judged(r);
        verdictLanded(r);
      }

      @Override
      public void feedError(String feed, String message) {
        delegate.feedError(feed, message);
      }

      @Override
      public void storeError(String message) {
        delegate.storeError(message);
      }
    };
  }

  /** A verdict was stored by the monitor: queue it for matching, return at once. */
  public void verdictLanded(VerdictRecord r) {
    metrics.verdict();
    events.execute(() -> {
      try {
        onVerdict(r);
      } catch (WatchException e) {
        errors.accept(e.getMessage());
      }
    });
  }

  /**
   * Loads the monitor's stored malicious and suspicious verdicts (those reached while the
   * server was not running) and raises what they mean for the stored projects.
   */
  public void backfill(VerdictStore verdicts) throws WatchException {
    try {
      for (MonitorVerdict v : List.of(MonitorVerdict.MALICIOUS, MonitorVerdict.SUSPICIOUS)) {
        for (VerdictRecord r : verdicts.query(new VerdictStore.Query(Optional.empty(),
            Optional.of(v)))) {
          onVerdict(r);
        }
      }
    } catch (StoreException e) {
      throw new WatchException("reading the monitor's verdicts: " + e.getMessage(), e);
    }
  }

  void onVerdict(VerdictRecord r) throws WatchException {
    PackageVerdict v = copy(r);
    store.verdict(v);
    if (!v.bad()) {
      return;
    }
    for (String project : store.projectsPinning(r.key())) {
      raise(project, r.key(), "verdict:" + v.verdict(), v.verdict(), summary(v))
          .ifPresent(a -> { });
    }
  }

  /**
   * Follows a verdict store by judged time (the distributed mode, where other processes judge):
   * every {@code every}, verdicts judged since the newest seen (less a second, for rows written
   * out of order; matching again is harmless) are handled as if they had just landed.
   */
  public void followVerdicts(VerdictStore verdicts, Duration every) {
    java.util.concurrent.atomic.AtomicReference<Instant> seen =
        new java.util.concurrent.atomic.AtomicReference<>(clock.instant());
    long ms = Math.max(100, every.toMillis());
    events.scheduleWithFixedDelay(() -> {
      try {
        Instant before = seen.get();
        for (VerdictRecord r : verdicts.query(new VerdictStore.Query(Optional.of(
            before.minusSeconds(1)), Optional.empty()))) {
          if (r.judged().isAfter(before)) {
            metrics.verdict();
          }
          if (r.judged().isAfter(seen.get())) {
            seen.set(r.judged());
          }
          onVerdict(r);
        }
      } catch (StoreException | WatchException e) {
        errors.accept(e.getMessage());
      } catch (RuntimeException e) {
        errors.accept("following verdicts failed: " + e);
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Waits until every event queued so far is handled (tests, benchmarks). */
  public void drain() throws InterruptedException {
    try {
      events.submit(() -> { }).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static PackageVerdict copy(VerdictRecord r) {
    List<VerdictFinding> ev = new ArrayList<>(r.findings());
    ev.sort(Comparator.comparingInt((VerdictFinding f) -> rank(f.severity()))
        .thenComparing(Comparator.naturalOrder()));
    return new PackageVerdict(r.key(), r.verdict().jsonName(), r.score(), r.reason(), ev,
        r.event().published(), r.judged());
  }

  private static int rank(String severity) {
    return switch (severity) {
      case "critical" -> 0;
      case "high" -> 1;
      case "medium" -> 2;
      case "low" -> 3;
      default -> 4;
    };
  }

  private static String summary(PackageVerdict v) {
    String why = v.reason().isBlank() ? "" : ": " + v.reason();
    return "Bulwark judged it " + v.verdict() + " (score " + v.score() + ")" + why;
  }

  private Optional<Alert> raise(String project, VersionKey key, String cause, String verdict,
      String summary) throws WatchException {
    Optional<Alert> a = store.raise(project, key, cause, verdict, summary, clock.instant());
    if (a.isPresent()) {
      metrics.alertsRaised.incrementAndGet();
      sink.raised(a.get());
    }
    return a;
  }

  /** Checks a project name; the message is the API's 400. */
  static void checkProjectName(String name) throws UploadException {
    boolean ok = !name.isEmpty() && name.length() <= MAX_PROJECT_NAME
        && name.strip().equals(name) && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    for (int i = 0; ok && i < name.length(); i++) {
      char c = name.charAt(i);
      ok = !Character.isISOControl(c) && !(c >= 0x200B && c <= 0x200F)
          && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069) && c != 0xFEFF;
    }
    if (!ok) {
      throw new UploadException(400, "project name '" + UploadParser.shown(name) + "' is not"
          + " accepted: 1 to " + MAX_PROJECT_NAME + " characters, no '/', control or invisible"
          + " characters, no leading or trailing space");
    }
  }

  /** Stores an upload as the project's inventory and checks it against everything known. */
  public Uploaded upload(String project, String fileName, byte[] body)
      throws UploadException, WatchException {
    try {
      checkProjectName(project);
      UploadParser.Parsed p = parser.parse(fileName, body);
      Map<PinnedPackage, Dependency> pinned = new TreeMap<>();
      for (Dependency d : p.dependencies()) {
        pinned.putIfAbsent(new PinnedPackage(new VersionKey(d.ecosystem(), d.name(), d.version()),
            d.unpinned(), d.direct(), d.dev()), d);
      }
      Instant now = clock.instant();
      WatchStore.Replaced rep = store.replace(project, p.file(), pinned.keySet(), now);
      List<Alert> raised = new ArrayList<>();
      List<VersionKey> exact = pinned.keySet().stream().filter(k -> !k.unpinned())
          .map(PinnedPackage::key).toList();
      for (PackageVerdict v : store.badVerdicts(exact)) {
        raise(project, v.key(), "verdict:" + v.verdict(), v.verdict(), summary(v))
            .ifPresent(raised::add);
      }
      for (Map.Entry<PinnedPackage, Dependency> e : pinned.entrySet()) {
        for (AdvisoryMatch m : advisories.match(e.getValue())) {
          raise(project, e.getKey().key(), "advisory:" + m.id(), advisoryVerdict(m),
              advisorySummary(m)).ifPresent(raised::add);
        }
      }
      metrics.uploads.incrementAndGet();
      return new Uploaded(project, p.file(), p.format(), pinned.size(), p.problems(), raised,
          rep.resolved());
    } catch (UploadException e) {
      metrics.uploadsRejected.incrementAndGet();
      throw e;
    }
  }

  private static String advisoryVerdict(AdvisoryMatch m) {
    return m.malicious() ? "malicious" : "vulnerable";
  }

  private static String advisorySummary(AdvisoryMatch m) {
    return m.id() + " (" + m.severity().jsonName() + ")"
        + (m.summary().isBlank() ? "" : ": " + m.summary());
  }

  private void recheckAdvisoriesSafely() {
    try {
      recheckAdvisories();
    } catch (WatchException e) {
      errors.accept(e.getMessage());
    } catch (RuntimeException e) {
      errors.accept("advisory re-check failed: " + e);
    }
  }

  /**
   * When the advisory database changed: every pinned version (each once, whatever the number of
   * projects pinning it) is matched again, and new matches raise alerts for its projects.
   */
  void recheckAdvisories() throws WatchException {
    if (!advisories.changed()) {
      return;
    }
    for (VersionKey k : store.pinnedVersions()) {
      List<AdvisoryMatch> ms = advisories.match(new Dependency(k.ecosystem(), k.name(),
          k.version(), false, false, false, false, DependencySource.REGISTRY, "", "",
          SourceLocation.of("watch"), List.of()));
      if (ms.isEmpty()) {
        continue;
      }
      for (String project : store.projectsPinning(k)) {
        for (AdvisoryMatch m : ms) {
          raise(project, k, "advisory:" + m.id(), advisoryVerdict(m), advisorySummary(m));
        }
      }
    }
  }

  /** Checks the advisory database now (on the event thread) and waits. */
  public void advisoriesChanged() throws InterruptedException {
    events.execute(this::recheckAdvisoriesSafely);
    drain();
  }

  @Override
  public void close() {
    webhook.ifPresent(Webhook::close);
    events.shutdownNow();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    advisories.close();
    store.close();
  }
}
