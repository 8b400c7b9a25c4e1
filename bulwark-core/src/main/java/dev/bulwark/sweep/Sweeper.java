package dev.bulwark.sweep;

import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.Problem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "I already ran it. Am I compromised?" Looks, read-only, for traces of known developer-targeting
 * malware under a home folder and a root folder, and lists the secrets that may have been stolen.
 * Never writes, moves, deletes or runs anything; never reads outside the two folders.
 */
public final class Sweeper {
  private final AdvisoryLookup lookup;
  private final Clock clock;
  private final Optional<PackageAnalyzer> deep;
  /** The deep scan gets this many times the walk budget, after the walks are done. */
  static final int DEEP_BUDGET_FACTOR = 5;

  /** @param lookup advisories for installed packages (malicious records are what matter) */
  public Sweeper(AdvisoryLookup lookup, Clock clock) {
    this(lookup, clock, Optional.empty());
  }

  /** @param deep when present, each installed package's code is also read and analysed */
  public Sweeper(AdvisoryLookup lookup, Clock clock, Optional<PackageAnalyzer> deep) {
    this.lookup = lookup;
    this.clock = clock;
    this.deep = deep;
  }

  public SweepReport sweep(SweepOptions options) {
    return sweep(options, false).report();
  }

  /** The report and the guarded file system it used (tests read its access log). */
  record Run(SweepReport report, SweepFs fs) {}

  Run sweep(SweepOptions o, boolean recordAccess) {
    long start = clock.millis();
    TraceCatalog traces = TraceCatalog.load(o.iocFiles());
    IocFeed feed = IocFeed.load(o.iocFiles());
    SweepFs fs = new SweepFs(List.of(o.home(), o.root()), clock, o.budgetMillis(), o.maxEntries(),
        recordAccess);
    SweepContext ctx = new SweepContext(fs, o.home(), o.root(), feed, traces);
    traces.problems().forEach(ctx::note);
    feedProblems(feed, traces).forEach(ctx::note);
    new FileTraceCheck(ctx).run();
    new PersistenceCheck(ctx).run();
    new NetworkCheck(ctx).run();
    PackageCheck packages = new PackageCheck(ctx, lookup);
    packages.run();
    boolean walksExhausted = fs.exhausted();
    boolean deepStopped = false;
    if (deep.isPresent()) {
      fs.restartClock(o.budgetMillis() * DEEP_BUDGET_FACTOR);
      DeepScan d = new DeepScan(ctx, deep.get());
      d.run(packages.found());
      deepStopped = d.stoppedEarly();
    }
    new EditorCheck(ctx).run();
    new ExposureCheck(ctx).run();
    if (walksExhausted) {
      ctx.note("the walk budget (time or entries) ran out; some places were not looked at");
    }
    List<Indicator> indicators = new ArrayList<>(new java.util.TreeSet<>(since(ctx.indicators(), o)));
    List<Exposure> exposures = new ArrayList<>(new java.util.TreeSet<>(ctx.exposures()));
    SweepReport.Stats stats = new SweepReport.Stats(fs.visited(), fs.unreadable(), fs.refused(),
        packages.checked(), walksExhausted || deepStopped || packages.lookupFailed(), clock.millis() - start);
    return new Run(new SweepReport(o.home().toString(), o.root().toString(), indicators, exposures,
        Remediation.steps(indicators, exposures), stats, ctx.notes()), fs);
  }

  private static List<Indicator> since(List<Indicator> all, SweepOptions o) {
    if (o.since().isEmpty()) {
      return all;
    }
    Instant s = o.since().get();
    return all.stream().filter(i -> i.mtime().map(m -> !m.isBefore(s)).orElse(true)).toList();
  }

  /** IOC-feed problems, minus the lines that were trace lines the feed does not know. */
  private static List<String> feedProblems(IocFeed feed, TraceCatalog traces) {
    Set<String> consumed = new HashSet<>();
    for (TraceCatalog.Consumed c : traces.consumed()) {
      consumed.add(c.file() + ":" + c.line());
    }
    List<String> out = new ArrayList<>();
    for (Problem p : feed.problems()) {
      String at = p.location().file() + ":" + p.location().line();
      if (!consumed.contains(at)) {
        out.add(at + ": " + p.message());
      }
    }
    return out;
  }
}
