package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VersionKey;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation-watch figures (issue 12), loopback only, generated data:
 * <ol>
 *   <li>PROJECTS projects of DEPS packages each (default 1,000 × 1,000), uploaded as
 *       package-lock.json files through {@link Watch#upload}, drawn from a pool of POOL versions;
 *   <li>verdict landing → webhook call, p50/p95/p99 over every alert, VERDICTS malicious verdicts
 *       one every GAP ms, each pinned by about PROJECTS × DEPS / POOL projects;
 *   <li>the baseline in the same run: one verdict matched by reading every stored package
 *       (a scan of every project, what the index avoids), against one index lookup;
 *   <li>a 10,000-package lockfile PUT over HTTP, one of its packages already judged malicious:
 *       request start → first alert at the webhook;
 *   <li>heap after a full GC and the process RSS with everything loaded.
 * </ol>
 * Usage: {@code WatchBench [PROJECTS DEPS POOL VERDICTS GAP_MS]}.
 */
public final class WatchBench {
  private WatchBench() {}

  static String lockfile(String name, List<String> pkgs) {
    StringBuilder b = new StringBuilder(pkgs.size() * 80);
    b.append("{\"name\":\"").append(name).append("\",\"version\":\"1.0.0\",\"lockfileVersion\":3,")
        .append("\"packages\":{\"\":{\"name\":\"").append(name).append("\",\"version\":\"1.0.0\"}");
    for (String p : pkgs) {
      int at = p.lastIndexOf('@');
      b.append(",\"node_modules/").append(p, 0, at).append("\":{\"version\":\"")
          .append(p.substring(at + 1)).append("\"}");
    }
    return b.append("}}").toString();
  }

  static String pool(int i) {
    return "pkg-" + (i / 4) + "@" + (1 + i % 4) + ".0.0";
  }

  public static void main(String[] args) throws Exception {
    int projects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int deps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int verdicts = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    long gap = args.length > 4 ? Long.parseLong(args[4]) : 100;
    Path state = Files.createTempDirectory("bulwark-watch-bench-");
    Map<String, Long> landed = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    try (WatchHttp.Receiver hook = new WatchHttp.Receiver();
        Watch watch = Watch.open(Watch.Options.of(state).withWebhook(Optional.of(hook.url()),
            Webhook.Retry.defaults()), Clock.systemUTC(), Sleeper.real(), () -> 0,
            e -> System.err.println("watch: " + e), a -> {
              Long t0 = landed.get(a.key().name() + "@" + a.key().version());
              if (t0 != null) {
                latencies.add(System.nanoTime() - t0);
              }
            })) {
      Random rnd = new Random(12);
      long t = System.nanoTime();
      for (int p = 0; p < projects; p++) {
        List<String> pkgs = new ArrayList<>();
        java.util.Set<Integer> picked = new java.util.HashSet<>();
        while (picked.size() < deps) {
          picked.add(rnd.nextInt(poolSize));
        }
        for (int i : picked) {
          pkgs.add(pool(i));
        }
        watch.upload("project-" + p, "package-lock.json",
            lockfile("project-" + p, pkgs).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      double loadS = (System.nanoTime() - t) / 1e9;
      System.out.printf(Locale.ROOT, "loaded %d projects x %d packages in %.1f s (%.1f ms an"
          + " upload)%n", projects, deps, loadS, loadS * 1000 / projects);

      // Baseline in the same run: a scan of every project's packages for one version.
      VersionKey probe = key(pool(7));
      long s0 = System.nanoTime();
      int scanHits = 0;
      for (Project p : watch.store().projects()) {
        for (PinnedPackage d : watch.store().packages(p.name())) {
          if (d.key().equals(probe)) {
            scanHits++;
          }
        }
      }
      double scanMs = (System.nanoTime() - s0) / 1e6;
      long i0 = System.nanoTime();
      int indexHits = 0;
      for (int r = 0; r < 20; r++) {
        indexHits = watch.store().projectsPinning(probe).size();
      }
      double indexMs = (System.nanoTime() - i0) / 1e6 / 20;
      System.out.printf(Locale.ROOT, "one version's projects: scan of every project %.1f ms (%d"
          + " hits, baseline) vs index %.3f ms (%d hits): %.0fx%n", scanMs, scanHits, indexMs,
          indexHits, scanMs / indexMs);

      // Verdict landing -> webhook call.
      int expected = 0;
      for (int v = 0; v < verdicts; v++) {
        String k = pool(1000 + v * 37 % (poolSize - 1000));
        VersionKey key = key(k);
        expected += watch.store().projectsPinning(key).size();
        landed.put(k, System.nanoTime());
        watch.verdictLanded(WatchApiTest.verdict(key.name(), key.version(),
            MonitorVerdict.MALICIOUS, "bench"));
        Thread.sleep(gap);
      }
      watch.drain();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (latencies.size() < expected && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<Long> ls = new ArrayList<>(latencies);
      Collections.sort(ls);
      System.out.printf(Locale.ROOT, "verdict landing -> webhook call: %d alerts from %d"
          + " verdicts; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", ls.size(),
          verdicts, pct(ls, 50), pct(ls, 95), pct(ls, 99), ls.isEmpty() ? 0 : ls.get(
          ls.size() - 1) / 1e6);

      // A 10,000-package lockfile: PUT -> first alert at the webhook.
      List<String> big = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        big.add("big-" + i + "@1.0.0");
      }
      watch.onVerdict(WatchApiTest.verdict("big-9999", "1.0.0", MonitorVerdict.MALICIOUS,
          "bench"));
      Tokens.ensureAdmin(watch.store(), state, java.time.Instant.now());
      String admin = Files.readString(state.resolve(Tokens.ADMIN_FILE)).strip();
      try (WatchServer server = WatchServer.start(watch, WatchServer.Options.defaults(
          "127.0.0.1", 0), Clock.systemUTC())) {
        String body = lockfile("big-app", big);
        int before = hook.bodies.size();
        long u0 = System.nanoTime();
        WatchHttp.Answer a = WatchHttp.send(WatchHttp.req(server.port(),
            "/api/projects/big-app?file=package-lock.json", admin)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
        long answered = System.nanoTime();
        while (hook.arrivals.size() <= before && System.nanoTime() - u0 < 60e9) {
          Thread.sleep(1);
        }
        long first = hook.arrivals.size() > before ? hook.arrivals.get(before) : answered;
        JsonNode j = a.json();
        System.out.printf(Locale.ROOT, "10,000-package lockfile (%d KB): HTTP %d, %d packages;"
            + " answered in %.0f ms; first alert at the webhook after %.0f ms%n",
            body.length() / 1024, a.status(), j.path("packages").asInt(), (answered - u0) / 1e6,
            (first - u0) / 1e6);
      }

      for (int g = 0; g < 3; g++) {
        System.gc();
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "memory with %d projects: heap used %.0f MB after GC;"
          + " %s; watch.db %.0f MB%n", projects, (rt.totalMemory() - rt.freeMemory()) / 1e6,
          rss(), (Files.size(state.resolve("watch.db")) + walSize(state)) / 1e6);
    }
  }

  static long walSize(Path state) throws java.io.IOException {
    Path w = state.resolve("watch.db-wal");
    return Files.exists(w) ? Files.size(w) : 0;
  }

  static String rss() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "RSS unknown";
    }
    String rss = "";
    String hwm = "";
    for (String l : Files.readAllLines(status)) {
      if (l.startsWith("VmRSS:")) {
        rss = l.substring(6).strip();
      } else if (l.startsWith("VmHWM:")) {
        hwm = l.substring(6).strip();
      }
    }
    return "RSS " + rss + " (peak " + hwm + ", includes the loopback receiver)";
  }

  static VersionKey key(String p) {
    int at = p.lastIndexOf('@');
    return new VersionKey(dev.bulwark.model.Ecosystem.NPM, p.substring(0, at),
        p.substring(at + 1));
  }

  static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }
}
