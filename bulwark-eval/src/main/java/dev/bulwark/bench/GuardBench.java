package dev.bulwark.bench;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.model.Verdict;
import dev.bulwark.registry.Checker;
import dev.bulwark.registry.CommandRunner;
import dev.bulwark.registry.Credentials;
import dev.bulwark.registry.HttpPolicy;
import dev.bulwark.registry.InstallGuard;
import dev.bulwark.registry.InstallPlans;
import dev.bulwark.registry.MetadataCache;
import dev.bulwark.registry.MetadataHeuristics;
import dev.bulwark.registry.NpmClient;
import dev.bulwark.registry.NpmSettings;
import dev.bulwark.registry.PhaseTimes;
import dev.bulwark.registry.RegistryHttp;
import dev.bulwark.registry.ScanCache;
import dev.bulwark.registry.Typosquats;
import dev.bulwark.scan.Catalogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The install-guard benchmark of issue 5: the guard's own overhead on a 300-package npm install
 * plan, cold (empty metadata and scan caches) and warm (both filled), against a loopback registry
 * that serves synthetic packuments and tarballs ({@link GuardBenchData}). The plan step is the
 * one the guard really runs (a temporary project copy and a lockfile diff), with a fake npm that
 * writes the lockfile `npm install --package-lock-only --ignore-scripts` would write, so no real
 * npm and no network beyond loopback are involved. {@code scripts/bench-guard.sh} runs it.
 *
 * <pre>
 * GuardBench run DIR [packages=300] [runs=5] [jobs=8] [latencyMs=0]
 *   in process: one discarded warm-up, then runs x (cold, warm); medians, ratio and phases
 * GuardBench serve DIR [packages=300] [latencyMs=0]
 *   serves the registry and writes DIR/project/{package.json,package-lock.json}, DIR/after-lock.json
 *   and DIR/registry.url for a whole-CLI measurement; stops when DIR/stop appears
 * </pre>
 */
public final class GuardBench {
  private GuardBench() {}

  /** The loopback registry, counting requests by kind. */
  static final class Registry implements AutoCloseable {
    final HttpServer server;
    final String base;
    final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    final AtomicInteger metadataRequests = new AtomicInteger();
    final AtomicInteger tarballRequests = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "bench-registry");
      t.setDaemon(true);
      return t;
    });

    Registry(int latencyMs) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      base = "http://127.0.0.1:" + server.getAddress().getPort();
      server.setExecutor(pool);
      server.createContext("/", ex -> {
        String path = ex.getRequestURI().getRawPath().replace("%2f", "/").replace("%2F", "/");
        (path.contains("/-/") ? tarballRequests : metadataRequests).incrementAndGet();
        if (latencyMs > 0) {
          try {
            Thread.sleep(latencyMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        byte[] body = bodies.get(path);
        ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        try (OutputStream o = ex.getResponseBody()) {
          if (body != null) {
            o.write(body);
          }
        }
      });
      server.start();
    }

    void serve(List<GuardBenchData.Pkg> pkgs) {
      for (GuardBenchData.Pkg p : pkgs) {
        bodies.put("/" + p.name(), p.packument());
        bodies.put(p.tarballPath(), p.tarball());
      }
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: GuardBench run|serve DIR [packages] [runs] [jobs] [latencyMs]");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    int packages = intArg(args, 2, 300);
    switch (args[0]) {
      case "run" -> run(dir, packages, intArg(args, 3, 5), intArg(args, 4, InstallGuard.DEFAULT_JOBS),
          intArg(args, 5, 0));
      case "serve" -> serve(dir, packages, intArg(args, 3, 0));
      default -> {
        System.err.println("unknown step " + args[0]);
        System.exit(2);
      }
    }
  }

  private static int intArg(String[] a, int i, int def) {
    return a.length > i ? Integer.parseInt(a[i]) : def;
  }

  /** The lockfile pair of the plan: an empty project, then one with every package added. */
  static String lockfile(List<GuardBenchData.Pkg> pkgs, String base) {
    StringBuilder b = new StringBuilder("{\n  \"name\": \"bench-app\",\n  \"version\": \"1.0.0\",\n"
        + "  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
        + "    \"\": {\"name\": \"bench-app\", \"version\": \"1.0.0\"}");
    for (GuardBenchData.Pkg p : pkgs) {
      b.append(",\n    \"node_modules/").append(p.name()).append("\": {\"version\": \"")
          .append(p.version()).append("\", \"resolved\": \"").append(base).append(p.tarballPath())
          .append("\", \"integrity\": \"").append(p.integrity()).append("\", \"license\": \"MIT\"}");
    }
    return b.append("\n  }\n}\n").toString();
  }

  static final String EMPTY_LOCK = "{\n  \"name\": \"bench-app\",\n  \"version\": \"1.0.0\",\n"
      + "  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
      + "    \"\": {\"name\": \"bench-app\", \"version\": \"1.0.0\"}\n  }\n}\n";

  private static void writeProject(Path dir, List<GuardBenchData.Pkg> pkgs, String base)
      throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project);
    Files.writeString(project.resolve("package.json"),
        "{\"name\":\"bench-app\",\"version\":\"1.0.0\",\"private\":true}\n");
    Files.writeString(project.resolve("package-lock.json"), EMPTY_LOCK);
    Files.writeString(dir.resolve("after-lock.json"), lockfile(pkgs, base));
  }

  /** One guard run: a fresh checker (as a new process would build) over the given cache folder. */
  record Sample(double seconds, PhaseTimes phases, int metadataRequests, int tarballRequests,
      long nonClean) {}

  private static Sample once(Registry reg, Path project, Path cacheDir, String after, int jobs,
      StaticAnalyzer analyzer, String engineKey) throws Exception {
    int meta0 = reg.metadataRequests.get();
    int tgz0 = reg.tarballRequests.get();
    Clock clock = Clock.fixed(GuardBenchData.NOW, ZoneOffset.UTC);
    long t0 = System.nanoTime();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    RegistryHttp http = new RegistryHttp(client, HttpPolicy.DEFAULT, Optional.of(new MetadataCache(
        cacheDir.resolve("registry"), Duration.ofMinutes(60), clock)), d -> Thread.sleep(d.toMillis()));
    Checker.Registries regs = new Checker.Registries(Optional.of(new NpmClient(http,
        new NpmSettings(reg.base, Map.of(), Credentials.none(), "bench"))), "", Optional.empty(), "");
    InstallGuard.Decision d;
    Checker checker;
    try (ScanCache scans = ScanCache.open(cacheDir.resolve("scans.db"), engineKey)) {
      checker = new Checker(regs, new MetadataHeuristics(Typosquats.builtin(),
          new MetadataHeuristics.Options(7, Set.of(), false)), Typosquats.builtin(), analyzer,
          new ArtifactReader(ReaderLimits.defaults()), Optional.empty(), clock).withScanCache(scans);
      CommandRunner fakeNpm = new CommandRunner() {
        @Override
        public Optional<String> run(List<String> cmd, Duration timeout) {
          try {
            Path prefix = Path.of(cmd.get(cmd.indexOf("--prefix") + 1));
            Files.writeString(prefix.resolve("package-lock.json"), after);
            return Optional.of("");
          } catch (IOException e) {
            return Optional.empty();
          }
        }
      };
      d = new InstallGuard(checker, fakeNpm, false, jobs).npm(project, List.of());
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (d.planned().size() != d.checks().size()) {
      throw new IllegalStateException("not every planned package was checked");
    }
    long nonClean = d.checks().stream().filter(r -> r.verdict() != dev.bulwark.registry.CheckVerdict.CLEAN || r.incomplete()).count();
    return new Sample(s, checker.phaseTimes(), reg.metadataRequests.get() - meta0,
        reg.tarballRequests.get() - tgz0, nonClean);
  }

  static void run(Path dir, int packages, int runs, int jobs, int latencyMs) throws Exception {
    String load0 = loadAverage();
    try (Registry reg = new Registry(latencyMs)) {
      long g0 = System.nanoTime();
      List<GuardBenchData.Pkg> pkgs = GuardBenchData.generate(packages, reg.base, 5);
      reg.serve(pkgs);
      writeProject(dir, pkgs, reg.base);
      describe(pkgs, (System.nanoTime() - g0) / 1e9);
      String after = Files.readString(dir.resolve("after-lock.json"));
      Path project = dir.resolve("project");
      var catalog = Catalogs.load(List.of());
      StaticAnalyzer analyzer = new StaticAnalyzer(catalog);
      String engine = ScanCache.engineKey("bench", catalog);
      System.out.printf(Locale.ROOT, "plan diff alone (lockfile parse and diff, %d packages): %.1f ms%n",
          InstallPlans.npmLockDiff(EMPTY_LOCK, after).size(), planDiffMs(after));
      Sample warmup = once(reg, project, fresh(dir, "warmup"), after, jobs, analyzer, engine);
      System.out.printf(Locale.ROOT, "JVM warm-up run (discarded): %.2f s%n", warmup.seconds());
      List<Sample> cold = new ArrayList<>();
      List<Sample> warm = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Path cache = fresh(dir, "cache-" + i);
        cold.add(once(reg, project, cache, after, jobs, analyzer, engine));
        warm.add(once(reg, project, cache, after, jobs, analyzer, engine));
      }
      report("cold", cold, packages);
      report("warm", warm, packages);
      double mc = median(cold.stream().map(Sample::seconds).toList());
      double mw = median(warm.stream().map(Sample::seconds).toList());
      System.out.printf(Locale.ROOT, "warm/cold ratio: %.3f (warm is %.1fx faster)%n", mw / mc, mc / mw);
      System.out.printf(Locale.ROOT, "settings: %d packages, %d run(s), jobs %d, latency %d ms/request,"
          + " %d cores%n", packages, runs, jobs, latencyMs, Runtime.getRuntime().availableProcessors());
    }
    System.out.println("load average before: " + load0 + "; after: " + loadAverage());
  }

  private static double planDiffMs(String after) throws Exception {
    List<Double> t = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long t0 = System.nanoTime();
      InstallPlans.npmLockDiff(EMPTY_LOCK, after);
      t.add((System.nanoTime() - t0) / 1e6);
    }
    return median(t);
  }

  private static void describe(List<GuardBenchData.Pkg> pkgs, double seconds) {
    List<Double> files = pkgs.stream().map(p -> (double) p.files()).toList();
    List<Double> unpacked = pkgs.stream().map(p -> p.unpackedBytes() / 1024.0).toList();
    List<Double> tgz = pkgs.stream().map(p -> p.tarball().length / 1024.0).toList();
    List<Double> doc = pkgs.stream().map(p -> p.packument().length / 1024.0).toList();
    System.out.printf(Locale.ROOT, "synthesised %d packages in %.1f s: files/package median %.0f"
        + " (max %.0f); unpacked median %.0f KiB (total %.1f MiB); tarball median %.1f KiB;"
        + " packument median %.1f KiB (total %.1f MiB)%n", pkgs.size(), seconds, median(files),
        files.stream().mapToDouble(x -> x).max().orElse(0), median(unpacked),
        unpacked.stream().mapToDouble(x -> x).sum() / 1024, median(tgz), median(doc),
        doc.stream().mapToDouble(x -> x).sum() / 1024);
  }

  private static void report(String label, List<Sample> samples, int packages) {
    List<Double> secs = samples.stream().map(Sample::seconds).toList();
    Sample mid = samples.stream().sorted(java.util.Comparator.comparingDouble(Sample::seconds))
        .toList().get(samples.size() / 2);
    PhaseTimes p = mid.phases();
    double total = Math.max(1, p.totalNanos());
    System.out.printf(Locale.ROOT, "%s: median %.2f s of %s (%.1f ms/package); requests in the median"
        + " run: %d packuments, %d tarballs; scanned %d, from the scan cache %d; not clean %d%n",
        label, median(secs), fmt(secs), median(secs) * 1000 / packages, mid.metadataRequests(),
        mid.tarballRequests(), p.scanned(), p.cached(), mid.nonClean());
    System.out.printf(Locale.ROOT, "  %s phases (summed over parallel checks, %.1f s): metadata fetch"
        + "+parse %.0f%%, tarball download+verify %.0f%%, scan %.0f%%, heuristics %.0f%%,"
        + " advisories %.0f%%%n", label, total / 1e9, 100 * p.metadataNanos() / total,
        100 * p.downloadNanos() / total, 100 * p.scanNanos() / total, 100 * p.heuristicsNanos() / total,
        100 * p.advisoryNanos() / total);
  }

  /** Serves the registry for a whole-CLI measurement until DIR/stop exists. */
  static void serve(Path dir, int packages, int latencyMs) throws Exception {
    try (Registry reg = new Registry(latencyMs)) {
      List<GuardBenchData.Pkg> pkgs = GuardBenchData.generate(packages, reg.base, 5);
      reg.serve(pkgs);
      Files.createDirectories(dir);
      writeProject(dir, pkgs, reg.base);
      Files.deleteIfExists(dir.resolve("stop"));
      Files.writeString(dir.resolve("registry.url"), reg.base + "\n", StandardCharsets.UTF_8);
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (!Files.exists(dir.resolve("stop")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      System.out.printf(Locale.ROOT, "registry served %d packument and %d tarball requests%n",
          reg.metadataRequests.get(), reg.tarballRequests.get());
    }
  }

  private static Path fresh(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    if (Files.exists(p)) {
      try (var s = Files.walk(p)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    return Files.createDirectories(p);
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String fmt(List<Double> xs) {
    return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
