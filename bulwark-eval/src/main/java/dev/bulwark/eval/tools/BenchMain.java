package dev.bulwark.eval.tools;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.eval.Dataset;
import dev.bulwark.eval.DatasetDiscovery;
import dev.bulwark.eval.EvalOptions;
import dev.bulwark.eval.EvalReport;
import dev.bulwark.eval.EvalReport.Baseline;
import dev.bulwark.eval.EvalReport.Throughput;
import dev.bulwark.eval.EvalRunner;
import dev.bulwark.eval.Label;
import dev.bulwark.eval.Sample;
import dev.bulwark.eval.TarExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scan throughput on the benign npm tarballs against the system {@code tar -xzf} of the same
 * tarballs, measured in the same rounds (scan, then tar, on the same thread count), so machine
 * noise hits both. Prints one line per round and the medians.
 *
 * <pre>
 * BenchMain [--npm DIR] [--threads N] [--rounds N] [--warmup N] [--rules DIR] [--read-only]
 * </pre>
 *
 * The default folder is $BULWARK_CORPUS_CACHE/npm, else ~/.cache/bulwark-corpus/npm.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] argv) throws IOException {
    Args a = new Args(argv, List.of("read-only"));
    Path npm = Path.of(a.one("npm").orElse(defaultNpmCache()));
    List<Sample> tarballs = DatasetDiscovery.discover(npm, Label.BENIGN).samples().stream()
        .filter(Sample::isTarball).toList();
    if (tarballs.isEmpty()) {
      System.err.println("no tarballs in " + npm + "; run the corpus fetch script first");
      System.exit(2);
    }
    int threads = a.integer("threads", Runtime.getRuntime().availableProcessors());
    int rounds = a.integer("rounds", 3);
    int warmup = a.integer("warmup", 1);
    String mode = a.flag("read-only") ? "read only" : "scan";
    PackageAnalyzer analyzer = a.flag("read-only") ? Engines.none() : Engines.analyzer(a.all("rules"));
    Path tmp = Files.createTempDirectory("bulwark-bench-");
    EvalRunner runner = new EvalRunner(Engines.reader(Optional.empty()), analyzer,
        new EvalOptions(threads, Optional.of(new TarExtractor(tmp, Duration.ofSeconds(60)))),
        Clock.systemUTC());
    System.out.printf(Locale.ROOT, "%d npm tarballs from %s, %d threads, mode %s%n",
        tarballs.size(), npm, threads, mode);
    System.out.println("round  pkg/s  MB/s  p50ms  p99ms  tar-pkg/s  tar-MB/s  scan/tar  errors  heapMB");
    List<double[]> measured = new ArrayList<>();
    for (int r = 1; r <= warmup + rounds; r++) {
      EvalReport rep = runner.run(Dataset.empty(), new Dataset(tarballs, List.of()));
      double[] row = row(rep);
      System.out.printf(Locale.ROOT, "%-5s  %5.1f  %4.2f  %5.1f  %5.0f  %9.1f  %8.2f  %8.4f  %6.0f  %6.0f%n",
          r <= warmup ? "warm" : Integer.toString(r - warmup), row[0], row[1], row[2], row[3],
          row[4], row[5], row[6], row[7], row[8]);
      if (r > warmup) {
        measured.add(row);
      }
    }
    double[] med = new double[9];
    for (int c = 0; c < med.length; c++) {
      final int col = c;
      double[] v = measured.stream().mapToDouble(x -> x[col]).sorted().toArray();
      med[c] = v[v.length / 2];
    }
    System.out.printf(Locale.ROOT,
        "median: %.1f packages/s, %.2f MB/s unpacked, p50 %.1f ms, p99 %.0f ms; tar -xzf %.1f"
            + " packages/s, %.2f MB/s; scan/tar throughput ratio %.4f (%s)%n",
        med[0], med[1], med[2], med[3], med[4], med[5], med[6], words(med[6]));
    Files.deleteIfExists(tmp);
  }

  private static double[] row(EvalReport rep) {
    Throughput t = rep.benign();
    Baseline b = rep.baseline().orElseThrow();
    return new double[] {t.packagesPerSecond(), t.megabytesPerSecond(), t.p50Nanos() / 1e6,
        t.p99Nanos() / 1e6, b.tarPackagesPerSecond(), b.tarMegabytesPerSecond(),
        b.scanToTarRatio(), rep.errors().size(), rep.peakHeapBytes() / 1e6};
  }

  static String words(double ratio) {
    if (ratio == 0) {
      return "not measured";
    }
    return ratio < 1
        ? String.format(Locale.ROOT, "scan is %.1fx slower than tar -xzf", 1 / ratio)
        : String.format(Locale.ROOT, "scan is %.1fx faster than tar -xzf", ratio);
  }

  static String defaultNpmCache() {
    String base = System.getenv("BULWARK_CORPUS_CACHE");
    if (base == null || base.isEmpty()) {
      base = System.getProperty("user.home") + "/.cache/bulwark-corpus";
    }
    return base + "/npm";
  }
}
