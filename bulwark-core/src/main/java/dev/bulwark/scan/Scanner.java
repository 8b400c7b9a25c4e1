package dev.bulwark.scan;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.LazyArtifact;
import dev.bulwark.artifact.HeapLane;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.project.ProjectLoader;
import dev.bulwark.project.ProjectScanner;
import dev.bulwark.project.ProjectTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The scan façade: packages and projects, several targets in parallel, results in input order. */
public final class Scanner {
  /** Whether to treat a target as a project, a package, or decide from its content. */
  public enum Mode { AUTO, PROJECT, PACKAGE }

  /** One target to scan. */
  public record Request(Path path, String display, Mode mode, Optional<char[]> password) {}

  private final PackageAnalyzer analyzer;
  private final ReaderLimits limits;
  private final Optional<AdvisoryLookup> lookup;
  private final List<LockfileExtractor> extractors;
  private final int threads;
  private final HeapLane lane = new HeapLane();

  public Scanner(PackageAnalyzer analyzer, ReaderLimits limits, Optional<AdvisoryLookup> lookup,
      List<LockfileExtractor> extractors, int threads) {
    this.analyzer = analyzer;
    this.limits = limits;
    this.lookup = lookup;
    this.extractors = List.copyOf(extractors);
    this.threads = HeapLane.threadsThatFit(threads, limits, Runtime.getRuntime().maxMemory());
  }

  public List<TargetResult> scan(List<Request> requests) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bulwark-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      return run(requests, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * As {@link #scan}, one target after the other on the calling thread: the same code and the
   * same results, no pool. For a caller that is itself a long-lived worker (the registry monitor
   * judges version after version): {@link #scan} starts fresh threads on every call, and each
   * fresh thread builds its own tree-sitter parsers, native memory that is freed only once a
   * garbage collection finds the dead thread, so a monitor's resident memory grew with the
   * number of versions it judged. On the caller's thread the parsers are built once per thread.
   */
  public List<TargetResult> scanOnCallingThread(List<Request> requests) {
    return run(requests, new CallingThread());
  }

  private List<TargetResult> run(List<Request> requests, ExecutorService pool) {
    List<List<Future<TargetResult>>> futures = new ArrayList<>();
    for (Request req : requests) {
      futures.add(submit(req, pool));
    }
    List<TargetResult> out = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      for (Future<TargetResult> f : futures.get(i)) {
        out.add(get(f, requests.get(i).display()));
      }
    }
    return out;
  }

  /**
   * Runs each task at once on the submitting thread; a task's failure is kept in its future as a
   * pool's would be. Written by hand: the JDK has no such executor service (Guava's
   * MoreExecutors.newDirectExecutorService is one, and core does not depend on Guava).
   */
  private static final class CallingThread extends AbstractExecutorService {
    private boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }

  /**
   * Submits one target's work as one package in flight of the scanner's large lane ({@link
   * HeapLane}): one large package at a time, however many threads, whether the scanner's own pool
   * or callers' threads that share the scanner (the monitor's workers).
   */
  private Future<TargetResult> laned(ExecutorService pool, Callable<TargetResult> work) {
    return pool.submit(() -> lane.run(work));
  }

  private List<Future<TargetResult>> submit(Request req, ExecutorService pool) {
    List<Future<TargetResult>> out = new ArrayList<>();
    Path p = req.path();
    try {
      boolean dir = Files.isDirectory(p);
      if (dir && (req.mode() == Mode.PROJECT
          || req.mode() == Mode.AUTO && (ProjectDetector.isProjectFolder(p)
              || ProjectLoader.isBareRepository(p)))) {
        out.add(laned(pool, () -> project(new ProjectLoader(limits).load(p, req.display(), req.password()))));
        return out;
      }
      if (dir) {
        // Each package is read by the worker that analyses it: a node_modules or site-packages
        // folder is never in memory whole, only the packages being analysed.
        for (LazyArtifact a : new ArtifactReader(limits).plan(p, req.password())) {
          out.add(laned(pool, () -> new TargetResult.Package(
              analyzer.analyze(rename(a.read(), req.display(), p)))));
        }
        return out;
      }
      out.add(laned(pool, () -> archive(req)));
    } catch (IOException e) {
      out.add(laned(pool, () -> failed(req.display(), e.getMessage())));
    }
    return out;
  }

  private TargetResult archive(Request req) throws IOException {
    if (req.mode() == Mode.PROJECT) {
      return project(new ProjectLoader(limits).load(req.path(), req.display(), req.password()));
    }
    Artifact a = new ArtifactReader(limits).read(req.path(), req.password()).get(0);
    boolean npmTarball = !a.files().isEmpty()
        && a.files().stream().allMatch(f -> f.path().startsWith("package/"));
    if (req.mode() == Mode.AUTO && !npmTarball
        && ProjectDetector.isProjectFiles(ProjectLoader.stripCommonRoot(a.files()))) {
      return project(ProjectLoader.fromArchive(a, req.display()));
    }
    return new TargetResult.Package(analyzer.analyze(rename(a, req.display(), req.path())));
  }

  private TargetResult project(ProjectTree tree) {
    return new TargetResult.Project(new ProjectScanner(analyzer, lookup, extractors).scan(tree));
  }

  /** Folder reads name artifacts by absolute path; show them relative to what the user typed. */
  private static Artifact rename(Artifact a, String display, Path given) {
    String name = a.displayName();
    String abs = given.toString();
    if (name.startsWith(abs)) {
      name = display + name.substring(abs.length());
    }
    return new Artifact(name, a.ecosystem(), a.name(), a.version(), a.files(), a.readerFindings(),
        a.skipped(), a.errors());
  }

  private static TargetResult get(Future<TargetResult> f, String display) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(display, "interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      return failed(display, c.getClass().getSimpleName()
          + (c.getMessage() == null ? "" : ": " + c.getMessage()));
    }
  }

  private static TargetResult failed(String display, String why) {
    return new TargetResult.Package(new ScanResult(display, "package", Optional.empty(), "", "",
        Verdict.CLEAN, 0, "The scan could not finish: " + why, List.of(), List.of(),
        List.of(new Problem("scan-failed", why, SourceLocation.of(display))), 0, 0));
  }
}
