package dev.bulwark.bench;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.advisory.ImportResult;
import dev.bulwark.advisory.SyntheticAdvisories;
import dev.bulwark.audit.AuditReport;
import dev.bulwark.audit.Auditor;
import dev.bulwark.audit.OsvLookup;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.inventory.InventoryScanner;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.policy.FailOn;
import dev.bulwark.report.ConsoleAuditRenderer;
import dev.bulwark.report.ReportData;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.Style;
import dev.bulwark.report.ToolInfo;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The audit benchmark of issue 2. {@code scripts/bench-audit.sh} runs it, then times the whole CLI.
 *
 * <pre>
 * AuditBench generate DIR [npmPackages] [pypiPackages] [advisories]
 *   writes DIR/project/{package-lock.json,poetry.lock} and DIR/advisories.zip
 * AuditBench dense DIR [npmPackages] [advisories]
 *   the dense worst case: DIR/project/package-lock.json of npmPackages packages and advisories
 *   records spread evenly over exactly those names (300,000 / 10,000 = 30 advisories each)
 * AuditBench import DIR      imports DIR/advisories.zip into DIR/bench.db; prints records/s
 * AuditBench audit DIR [n]   times the audit step alone (in process), cold then warm median
 * AuditBench phases DIR [n]  CPU and GC time of each part of a `bulwark audit` run, per run: lockfile
 *   reading, the whole audit step, the JSON report and the console report (each written to a file
 *   in DIR); the first run is what one CLI command pays
 * </pre>
 *
 * The synthetic advisories use the names "synthetic-js-K" and "synthetic_py.K"; the generated
 * lockfiles depend on those names, so most packages have advisories to evaluate: heavier than a
 * real project.
 */
public final class AuditBench {
  private AuditBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: AuditBench generate|import|audit DIR [...]");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "generate" -> generate(dir, intArg(args, 2, 10_000), intArg(args, 3, 2_000),
          intArg(args, 4, 300_000));
      case "dense" -> dense(dir, intArg(args, 2, 10_000), intArg(args, 3, 300_000));
      case "lockfiles" -> lockfiles(dir, intArg(args, 2, 10_000), intArg(args, 3, 2_000));
      case "import" -> importDb(dir);
      case "audit" -> audit(dir, intArg(args, 2, 10));
      case "phases" -> phases(dir, intArg(args, 2, 3));
      default -> {
        System.err.println("unknown step " + args[0]);
        System.exit(2);
      }
    }
  }

  private static int intArg(String[] a, int i, int def) {
    return a.length > i ? Integer.parseInt(a[i]) : def;
  }

  static void generate(Path dir, int npm, int pypi, int advisories) throws IOException {
    lockfiles(dir, npm, pypi);
    long t0 = System.nanoTime();
    SyntheticAdvisories.write(dir.resolve("advisories.zip"), advisories, 42);
    System.out.printf(Locale.ROOT, "generated %d npm + %d PyPI packages and %d advisories in %.1f s%n",
        npm, pypi, advisories, (System.nanoTime() - t0) / 1e9);
  }

  static void dense(Path dir, int npm, int advisories) throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project);
    writePackageLock(project.resolve("package-lock.json"), npm, new SplittableRandom(1));
    long t0 = System.nanoTime();
    SyntheticAdvisories.write(dir.resolve("advisories.zip"), advisories, 42, npm);
    System.out.printf(Locale.ROOT, "generated %d npm packages and %d advisories (%d per name) in %.1f s%n",
        npm, advisories, advisories / Math.max(1, npm), (System.nanoTime() - t0) / 1e9);
  }

  static void lockfiles(Path dir, int npm, int pypi) throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project);
    writePackageLock(project.resolve("package-lock.json"), npm, new SplittableRandom(1));
    writePoetryLock(project.resolve("poetry.lock"), pypi, new SplittableRandom(2));
  }

  private static void writePackageLock(Path file, int n, SplittableRandom rnd) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\n  \"name\": \"bench\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n"
          + "  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"bench\",\n"
          + "      \"version\": \"1.0.0\",\n      \"dependencies\": {\n");
      int direct = Math.min(50, n);
      for (int i = 0; i < direct; i++) {
        w.write("        \"synthetic-js-" + i + "\": \"^1.0.0\"" + (i + 1 < direct ? ",\n" : "\n"));
      }
      w.write("      }\n    }");
      for (int i = 0; i < n; i++) {
        String v = rnd.nextInt(6) + "." + rnd.nextInt(10) + "." + rnd.nextInt(5);
        w.write(",\n    \"node_modules/synthetic-js-" + i + "\": {\n");
        w.write("      \"version\": \"" + v + "\",\n");
        w.write("      \"resolved\": \"https://registry.example.invalid/synthetic-js-" + i
            + "/-/synthetic-js-" + i + "-" + v + ".tgz\",\n");
        w.write("      \"integrity\": \"sha512-" + "A".repeat(86) + "==\"");
        // A tree like real ones: each package depends on two later ones, so paths stay short
        // (depth about log2 n) and every package is reachable from the direct dependencies.
        if (2 * i + 1 < n) {
          w.write(",\n      \"dependencies\": {\n        \"synthetic-js-" + (2 * i + 1) + "\": \"*\"");
          if (2 * i + 2 < n) {
            w.write(",\n        \"synthetic-js-" + (2 * i + 2) + "\": \"*\"");
          }
          w.write("\n      }");
        }
        w.write("\n    }");
      }
      w.write("\n  }\n}\n");
    }
  }

  private static void writePoetryLock(Path file, int n, SplittableRandom rnd) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# This file is generated for a benchmark.\n\n");
      for (int i = 0; i < n; i++) {
        String v = rnd.nextInt(6) + "." + rnd.nextInt(10) + ".0";
        w.write("[[package]]\nname = \"synthetic-py-" + i + "\"\nversion = \"" + v + "\"\n"
            + "description = \"\"\noptional = false\npython-versions = \">=3.8\"\n"
            + "files = [\n    {file = \"synthetic_py_" + i + "-" + v + "-py3-none-any.whl\", hash = \"sha256:"
            + "0".repeat(64) + "\"},\n]\n\n");
      }
      w.write("[metadata]\nlock-version = \"2.0\"\npython-versions = \"^3.8\"\n"
          + "content-hash = \"" + "0".repeat(64) + "\"\n");
    }
  }

  static void importDb(Path dir) throws Exception {
    Path db = dir.resolve("bench.db");
    Files.deleteIfExists(db);
    long t0 = System.nanoTime();
    ImportResult r = new AdvisoryImporter(Clock.systemUTC())
        .importSources(List.of(dir.resolve("advisories.zip")), db);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "import: %d records in %.2f s = %.0f records/s (db %.0f MB)%n",
        r.records(), s, r.records() / s, Files.size(db) / 1e6);
  }

  static void audit(Path dir, int runs) throws Exception {
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    int findings = 0;
    int deps = 0;
    try (AdvisoryDatabase db = AdvisoryDatabase.open(dir.resolve("bench.db"))) {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        Auditor a = new Auditor(new InventoryScanner(Extractors.all(), true,
            LockfileInput.DEFAULT_MAX_BYTES, 10_000), new OsvLookup(db), Clock.systemUTC());
        AuditReport r = a.audit(List.of(dir.resolve("project")),
            new Auditor.Options(FailOn.DEFAULT, true, List.of()));
        times.add((System.nanoTime() - t0) / 1e6);
        cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
        findings = r.targets().get(0).findings().size();
        deps = r.targets().get(0).dependencies().size();
      }
    }
    System.out.printf(Locale.ROOT,
        "audit step: %d dependencies, %d findings; first run %.0f ms wall (%.0f ms CPU),"
            + " warm median %.0f ms wall (%.0f ms CPU) over %d runs%n",
        deps, findings, times.get(0), cpu.get(0), warmMedian(times), warmMedian(cpu), runs);
    System.out.printf(Locale.ROOT, "load average while measuring: %.1f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static void phases(Path dir, int runs) throws Exception {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    try (AdvisoryDatabase db = AdvisoryDatabase.open(dir.resolve("bench.db"))) {
      for (int i = 0; i < runs; i++) {
        InventoryScanner scanner = new InventoryScanner(Extractors.all(), true,
            LockfileInput.DEFAULT_MAX_BYTES, 10_000);
        long c0 = mx.getCurrentThreadCpuTime();
        long g0 = gcMillis();
        scanner.scan(dir.resolve("project"));
        long c1 = mx.getCurrentThreadCpuTime();
        long g1 = gcMillis();
        long a1 = allocated(mx);
        AuditReport r = new Auditor(scanner, new OsvLookup(db), Clock.systemUTC())
            .audit(List.of(dir.resolve("project")), new Auditor.Options(FailOn.DEFAULT, true, List.of()));
        long c2 = mx.getCurrentThreadCpuTime();
        long g2 = gcMillis();
        long a2 = allocated(mx);
        ToolInfo tool = new ToolInfo("bench", "bench", "");
        // as the CLI writes a report file: bytes, buffered
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(
            Files.newOutputStream(dir.resolve("phases.json")), 1 << 16)) {
          ReportFormat.JSON.render(new ReportData.Audit(r, tool, 1), out);
        }
        long c3 = mx.getCurrentThreadCpuTime();
        long g3 = gcMillis();
        try (java.io.PrintWriter w = new java.io.PrintWriter(
            Files.newBufferedWriter(dir.resolve("phases.txt"), StandardCharsets.UTF_8))) {
          ConsoleAuditRenderer.render(r, tool, Style.plain(), false, w);
        }
        long c4 = mx.getCurrentThreadCpuTime();
        long g4 = gcMillis();
        System.out.printf(Locale.ROOT,
            "run %d: lockfile %.0f ms CPU (GC %d ms); audit step %.0f ms CPU (GC %d ms, %d MB allocated), %d findings;"
                + " JSON report %.0f ms CPU (GC %d ms, %.1f MB); console report %.0f ms CPU (GC %d ms, %.1f MB)%n",
            i + 1, (c1 - c0) / 1e6, g1 - g0, (c2 - c1) / 1e6, g2 - g1, (a2 - a1) >> 20, r.targets().get(0).findings().size(),
            (c3 - c2) / 1e6, g3 - g2, Files.size(dir.resolve("phases.json")) / 1e6,
            (c4 - c3) / 1e6, g4 - g3, Files.size(dir.resolve("phases.txt")) / 1e6);
      }
    }
  }

  private static long allocated(java.lang.management.ThreadMXBean mx) {
    return mx instanceof com.sun.management.ThreadMXBean sun
        ? sun.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static double warmMedian(List<Double> xs) {
    List<Double> warm = new ArrayList<>(xs.subList(Math.min(1, xs.size() - 1), xs.size()));
    warm.sort(null);
    return warm.get(warm.size() / 2);
  }
}
