package dev.bulwark.cli;

import dev.bulwark.monitor.Distributed;
import dev.bulwark.monitor.Embedded;
import dev.bulwark.monitor.EmbeddedMonitor;
import dev.bulwark.monitor.EngineScan;
import dev.bulwark.monitor.MonitorConfig;
import dev.bulwark.monitor.MonitorFile;
import dev.bulwark.monitor.MonitorFileException;
import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.OsvExport;
import dev.bulwark.monitor.ResultsReport;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.SqliteState;
import dev.bulwark.monitor.StoreException;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VerdictStore;
import dev.bulwark.monitor.kafka.KafkaSettings;
import dev.bulwark.monitor.postgres.PgState;
import dev.bulwark.registry.ConfigSources;
import dev.bulwark.registry.ProcessCommandRunner;
import dev.bulwark.registry.RegistryConfig;
import dev.bulwark.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark monitor}: the embedded registry monitor, its results and its OSV export. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Follows the npm changes feed and the PyPI journal and judges every new version with the",
      "same engine as `bulwark scan`; verdicts are kept in DIR (SQLite).",
      "Feed URLs come from the flags: nothing is contacted unless you name it."
    },
    subcommands = {MonitorCommand.Results.class, MonitorCommand.ExportOsv.class,
        MonitorTokenCommand.class})
final class MonitorCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--state", paramLabel = "DIR",
      description = "Folder of the monitor's state: cursors, queue and verdicts (monitor.db)."
          + " Required.")
  Path state;

  @Option(names = "--npm-changes", paramLabel = "URL",
      description = "The npm replication database to follow (<URL>/_changes).")
  String npmChanges;

  @Option(names = "--npm-registry", paramLabel = "URL|config",
      description = "Where packuments are read: a URL, or 'config' for your npm configuration"
          + " (default: the --npm-changes database itself).")
  String npmRegistry;

  @Option(names = "--pypi-changes", paramLabel = "URL",
      description = "The PyPI XML-RPC endpoint whose journal (changelog_since_serial) is followed.")
  String pypiChanges;

  @Option(names = "--pypi-json", paramLabel = "URL",
      description = "The PyPI JSON API base (<URL>/<name>/<version>/json; default: --pypi-changes).")
  String pypiJson;

  @Option(names = "--pypi-rss", paramLabel = "URL",
      description = "PyPI's RSS updates feed: the fallback when the journal fails, or the only"
          + " PyPI feed without --pypi-changes (then --pypi-json is needed). Lossy: see"
          + " docs/monitor.md.")
  String pypiRss;

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file of feeds, registries, workers and caps (docs/monitor.md);"
          + " flags win over it.")
  Path config;

  @Option(names = "--since", paramLabel = "0|now",
      description = "Where a feed starts on the first run: 0 (its beginning) or now (default);"
          + " afterwards the stored cursor wins.")
  String since;

  @Option(names = "--until-idle",
      description = "Stop once the feeds have nothing new and every queued version is judged.")
  boolean untilIdle;

  @Option(names = "--workers", paramLabel = "N",
      description = "Worker threads (default 1; lowered to what the heap holds).")
  Integer workers;

  @Option(names = "--poll", paramLabel = "SECONDS",
      description = "Pause between polls of an idle feed (default 5).")
  Integer poll;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary.")
  boolean quiet;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Distributed mode: the Kafka broker(s) carrying versions, verdicts and dead"
          + " letters (with --postgres; see docs/monitor-distributed.md).")
  String kafka;

  @Option(names = "--postgres", paramLabel = "JDBC-URL",
      description = "Distributed mode: the PostgreSQL database of cursors and verdicts"
          + " (jdbc:postgresql://HOST:PORT/DB?user=…).")
  String postgres;

  @Option(names = "--role", paramLabel = "ROLE",
      description = "Distributed mode: follower, worker or all (default). One follower per feed"
          + " runs at a time; any number of workers share the queue.")
  String role;

  @picocli.CommandLine.Mixin WatchOptions watch = new WatchOptions();

  MonitorCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MonitorFile file = MonitorFile.empty();
    if (config != null) {
      try {
        file = MonitorFile.read(resolve(config));
      } catch (MonitorFileException e) {
        return usage(e.getMessage());
      }
    }
    fillFrom(file);
    boolean distributed = kafka != null || postgres != null;
    if (distributed && (kafka == null || postgres == null)) {
      return usage("the distributed mode needs both --kafka and --postgres");
    }
    Optional<Distributed.Role> theRole = Distributed.Role.parse(role);
    if (theRole.isEmpty()) {
      return usage("--role must be follower, worker or all, not '" + role + "'");
    }
    if (state == null && !distributed) {
      return usage("--state DIR is required");
    }
    boolean fromBeginning;
    switch (since.strip().toLowerCase(Locale.ROOT)) {
      case "0" -> fromBeginning = true;
      case "now" -> fromBeginning = false;
      default -> {
        return usage("--since must be 0 or now, not '" + since + "'");
      }
    }
    if (npmChanges == null && pypiChanges == null && pypiRss == null
        && !(distributed && theRole.get() == Distributed.Role.WORKER)) {
      return usage("nothing to follow: give --npm-changes URL and/or --pypi-changes URL");
    }
    Optional<String> registry;
    try {
      registry = npmRegistry(npmRegistry);
    } catch (RegistryException e) {
      return usage(e.getMessage());
    }
    if (watch.enabled() && distributed && state == null) {
      return usage("--serve in the distributed mode needs --state DIR (for admin.token)");
    }
    Path work;
    try {
      work = state != null ? resolve(state) : Files.createTempDirectory("bulwark-monitor-");
    } catch (IOException e) {
      return usage("cannot create a work folder for downloads: " + e.getMessage());
    }
    try {
      return run(work, file, registry, fromBeginning, distributed, theRole.get());
    } finally {
      if (state == null) {
        deleteTree(work); // downloads of a distributed process without --state
      }
    }
  }

  private Integer run(Path work, MonitorFile file, Optional<String> registry, boolean fromBeginning,
      boolean distributed, Distributed.Role theRole) {
    MonitorConfig c = file.applyCaps(MonitorConfig.of(work, Optional.ofNullable(npmChanges),
            Optional.ofNullable(pypiChanges))
        .withNpmRegistry(registry).withPypiJson(Optional.ofNullable(pypiJson))
        .withPypiRss(Optional.ofNullable(pypiRss))
        .withFromBeginning(fromBeginning).withUntilIdle(untilIdle).withWorkers(workers)
        .withPolling(Duration.ofSeconds(Math.max(1, poll)),
            dev.bulwark.monitor.FeedHttp.Retry.defaults()));
    EngineScan engine = EngineScan.defaults(List.of(), List.of());
    if (distributed) {
      return watch.enabled() ? runDistributedServed(c, engine, theRole) : runDistributed(c, engine, theRole);
    }
    WatchOptions.Running served = null;
    if (watch.enabled()) {
      try {
        served = watch.start(env, work, Optional.empty());
      } catch (OutputOptions.UsageError | dev.bulwark.monitor.watch.WatchException e) {
        return usage(e.getMessage());
      }
    }
    WatchOptions.Running servedWatch = served;
    return guarded(() -> {
      try (WatchOptions.Running w = servedWatch; Embedded.Running r = Embedded.build(c, engine,
          env.clock(), Sleeper.real(), w == null ? listener() : w.watch().listener(listener()))) {
        if (w != null) {
          try {
            w.attach(r.state());
          } catch (dev.bulwark.monitor.watch.WatchException e) {
            say(e.getMessage());
          }
        }
        if (r.workers() < workers) {
          say(r.workers() + " worker(s): the heap holds no more scans in flight (give the"
              + " launcher more heap, e.g. BULWARK_HEAP=" + (256 * workers * 5 / 4 + 128) + "m)");
        }
        return runAndReport("", r.monitor()::stop, r.monitor()::run, 10);
      }
    });
  }

  /** Prints a usage error and returns its exit code. */
  private int usage(String message) {
    env.err().println("bulwark monitor: " + message);
    return ExitCode.USAGE.code;
  }

  /** Building and running a monitor (either mode). */
  private interface Body {
    int run() throws StoreException, InterruptedException;
  }

  /**
   * Runs {@code body}; a store that fails is an incomplete run, a bad setting a usage error, an
   * interrupt an incomplete run.
   */
  private int guarded(Body body) {
    try {
      return body.run();
    } catch (StoreException e) {
      env.err().println("bulwark monitor: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INCOMPLETE.code;
    }
  }

  /** Flags not given take the config file's value, then the default. */
  private void fillFrom(MonitorFile f) {
    state = state != null ? state : f.get("state").map(Path::of).orElse(null);
    npmChanges = or(npmChanges, f.get("npm-changes"), null);
    npmRegistry = or(npmRegistry, f.get("npm-registry"), null);
    pypiChanges = or(pypiChanges, f.get("pypi-changes"), null);
    pypiJson = or(pypiJson, f.get("pypi-json"), null);
    pypiRss = or(pypiRss, f.get("pypi-rss"), null);
    kafka = or(kafka, f.get("kafka"), null);
    postgres = or(postgres, f.get("postgres"), null);
    since = or(since, f.get("since"), "now");
    role = or(role, f.get("role"), "all");
    workers = or(workers, f.number("workers"), 1);
    poll = or(poll, f.number("poll-seconds"), 5);
  }

  /** The flag when given, else the file's value, else {@code otherwise}. */
  private static <T> T or(T flag, Optional<T> fromFile, T otherwise) {
    return flag != null ? flag : fromFile.orElse(otherwise);
  }

  /** Deletes a work folder this process made; what cannot be deleted stays (best effort). */
  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a leftover temp folder is not worth failing the command for
    }
  }

  /** The distributed mode with --serve: the watch in PostgreSQL, following the verdict store. */
  private Integer runDistributedServed(MonitorConfig c, EngineScan engine, Distributed.Role r0) {
    try (WatchOptions.Running w = watch.start(env, resolve(state), Optional.of(postgres));
        PgState pg = Distributed.results(postgres)) {
      w.watch().backfill(pg.verdicts());
      w.watch().followVerdicts(pg.verdicts(), Duration.ofSeconds(1));
      return runDistributed(c, engine, r0);
    } catch (OutputOptions.UsageError | dev.bulwark.monitor.watch.WatchException
        | StoreException e) {
      return usage(e.getMessage());
    }
  }

  private Integer runDistributed(MonitorConfig c, EngineScan engine, Distributed.Role r0) {
    Distributed.Options o = new Distributed.Options(KafkaSettings.defaults(kafka), postgres, r0);
    return guarded(() -> {
      try (Distributed.Running r = Distributed.build(c, o, engine, env.clock(), Sleeper.real(),
          listener())) {
        return runAndReport(" (" + r0.name().toLowerCase(Locale.ROOT) + ")", r.monitor()::stop,
            r.monitor()::run, 15);
      }
    });
  }

  /** A built monitor's run. */
  private interface Run {
    EmbeddedMonitor.Summary run() throws InterruptedException;
  }

  /**
   * Runs a built monitor (either mode) until it is idle or the JVM is asked to stop (a shutdown
   * hook stops it and waits up to {@code graceSeconds} for the run to end), then prints the
   * summary. {@code label} follows "bulwark monitor" in the summary line.
   */
  private int runAndReport(String label, Runnable stop, Run run, int graceSeconds)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      try {
        done.await(graceSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bulwark-monitor-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    EmbeddedMonitor.Summary s;
    try {
      s = run.run();
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down.
      }
    }
    env.err().printf(Locale.ROOT, "bulwark monitor%s: queued %d, judged %d version(s)%s%n",
        label, s.queued(), s.judged(), s.failedFeeds().isEmpty() ? ""
            : "; gave up on feed(s) " + String.join(", ", s.failedFeeds()));
    env.err().flush();
    return s.failedFeeds().isEmpty() ? ExitCode.OK.code : ExitCode.INCOMPLETE.code;
  }

  /** The verdict store of --state DIR or --postgres JDBC-URL (exactly one). */
  static AutoCloseableStore openStore(Env env, StoreOptions store, String cmd)
      throws StoreException, OutputOptions.UsageError {
    store.check();
    if (store.postgres != null) {
      PgState pg = Distributed.results(store.postgres);
      return new AutoCloseableStore(pg.verdicts(), pg::close);
    }
    SqliteState s = openExisting(env, store.state, cmd);
    return new AutoCloseableStore(s.verdicts(), s::close);
  }

  /** A verdict store and how to close it. */
  record AutoCloseableStore(VerdictStore verdicts, Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }

  private Optional<String> npmRegistry(String flag) throws RegistryException {
    if (flag == null || flag.isBlank()) {
      return Optional.empty();
    }
    if (!flag.equals("config")) {
      return Optional.of(flag);
    }
    ConfigSources src = new ConfigSources(env.cwd(), env.home(), env.vars(),
        new ProcessCommandRunner(env.cwd()));
    return Optional.of(RegistryConfig.npm(src, Optional.empty()).registry());
  }

  private EmbeddedMonitor.Listener listener() {
    return new EmbeddedMonitor.Listener() {
      @Override
      public void queued(String feed, int count, boolean reset) {
        if (!quiet) {
          say(feed + ": queued " + count + " new version(s)"
              + (reset ? " (the feed was reset; started again from its beginning)" : ""));
        }
      }

      @Override
      public void judged(VerdictRecord r) {
        if (!quiet && r.verdict() != MonitorVerdict.CLEAN) {
          say(r.verdict().jsonName() + " " + r.key() + ": " + r.reason());
        }
      }

      @Override
      public void feedError(String feed, String message) {
        say(feed + ": " + message);
      }

      @Override
      public void storeError(String message) {
        say(message);
      }
    };
  }

  private void say(String line) {
    synchronized (env.err()) {
      env.err().println("bulwark monitor: " + line);
      env.err().flush();
    }
  }

  private Path resolve(Path p) {
    return p.isAbsolute() ? p : env.cwd().resolve(p).normalize();
  }

  /** "2026-12-01T10:00:00Z", "2026-12-01", or a span back from now: "90m", "24h", "7d". */
  static Optional<Instant> parseSince(String s, Clock clock) {
    String t = s.strip();
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException e) {
      // not an instant
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a date
    }
    if (t.length() >= 2) {
      try {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d = switch (t.charAt(t.length() - 1)) {
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> null;
        };
        if (d != null && n >= 0) {
          return Optional.of(clock.instant().minus(d));
        }
      } catch (NumberFormatException e) {
        // not a span
      }
    }
    return Optional.empty();
  }

  /** Opens an existing state for reading, or says why not. */
  static SqliteState openExisting(Env env, Path state, String cmd) throws StoreException {
    Path dir = state.isAbsolute() ? state : env.cwd().resolve(state).normalize();
    if (!SqliteState.exists(dir)) {
      throw new StoreException("no monitor state in " + dir + " (run `bulwark monitor --state "
          + state + " …` first)");
    }
    return SqliteState.open(dir, Clock.systemUTC());
  }

  static VerdictStore.Query query(Env env, String since, String verdict, String cmd)
      throws OutputOptions.UsageError {
    Optional<Instant> from = Optional.empty();
    if (since != null) {
      from = parseSince(since, env.clock());
      if (from.isEmpty()) {
        throw new OutputOptions.UsageError("--since must be an RFC 3339 time, a date or a span"
            + " such as 24h or 7d, not '" + since + "'");
      }
    }
    Optional<MonitorVerdict> v = Optional.empty();
    if (verdict != null) {
      v = MonitorVerdict.parse(verdict);
      if (v.isEmpty()) {
        throw new OutputOptions.UsageError("--verdict must be malicious, suspicious, clean or"
            + " error, not '" + verdict + "'");
      }
    }
    return new VerdictStore.Query(from, v);
  }

  /** The verdicts of --state or --postgres that match --since and --verdict. */
  static List<VerdictRecord> read(Env env, StoreOptions store, String since, String verdict,
      String cmd) throws OutputOptions.UsageError, StoreException {
    VerdictStore.Query q = query(env, since, verdict, cmd);
    try (AutoCloseableStore s = openStore(env, store, cmd)) {
      return s.verdicts().query(q);
    }
  }

  /** What a subcommand that reads the verdict store does. */
  interface StoreRead {
    void run() throws OutputOptions.UsageError, StoreException, IOException;
  }

  /**
   * Runs {@code read} for {@code bulwark monitor CMD}: a bad flag is a usage error, a store or
   * file that fails an incomplete run.
   */
  static int readStore(Env env, String cmd, StoreRead read) {
    try {
      read.run();
      return ExitCode.OK.code;
    } catch (OutputOptions.UsageError e) {
      env.err().println("bulwark monitor " + cmd + ": " + e.getMessage());
      return ExitCode.USAGE.code;
    } catch (StoreException | IOException e) {
      env.err().println("bulwark monitor " + cmd + ": " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
  }

  @Command(name = "results", mixinStandardHelpOptions = true,
      description = "Print stored verdicts, sorted by ecosystem, name and version.")
  static final class Results implements Callable<Integer> {
    private final Env env;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--since", paramLabel = "TIME",
        description = "Only verdicts reached since TIME: RFC 3339, a date, or a span (24h, 7d).")
    String since;

    @Option(names = "--verdict", paramLabel = "VERDICT",
        description = "Only this verdict: malicious, suspicious, clean or error.")
    String verdict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console",
        description = "console (default) or json.")
    String format;

    Results(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return readStore(env, "results", () -> {
        if (!format.equals("console") && !format.equals("json")) {
          throw new OutputOptions.UsageError("--format must be console or json, not '" + format + "'");
        }
        List<VerdictRecord> rs = read(env, store, since, verdict, "results");
        if (format.equals("json")) {
          ResultsReport.writeJson(rs, env.out());
        } else {
          ResultsReport.writeConsole(rs, env.out());
        }
        env.out().flush();
      });
    }
  }

  @Command(name = "export-osv", mixinStandardHelpOptions = true,
      description = {"Write each malicious verdict as an OSV record (BULWARK-MAL-… ids)",
          "into a folder that `bulwark db import` reads."})
  static final class ExportOsv implements Callable<Integer> {
    private final Env env;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the records to.")
    Path out;

    @Option(names = "--since", paramLabel = "TIME",
        description = "Only verdicts reached since TIME: RFC 3339, a date, or a span (24h, 7d).")
    String since;

    ExportOsv(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return readStore(env, "export-osv", () -> {
        List<VerdictRecord> rs = read(env, store, since, "malicious", "export-osv");
        Path dir = out.isAbsolute() ? out : env.cwd().resolve(out).normalize();
        int n = OsvExport.write(rs, dir);
        env.out().println("wrote " + n + " OSV record(s) to " + dir);
        env.out().flush();
      });
    }
  }
}
