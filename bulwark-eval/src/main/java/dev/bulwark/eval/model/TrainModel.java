package dev.bulwark.eval.model;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.eval.Dataset;
import dev.bulwark.eval.DatasetDiscovery;
import dev.bulwark.eval.InstalledPackages;
import dev.bulwark.eval.Label;
import dev.bulwark.eval.Sample;
import dev.bulwark.eval.Split;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Trains the verdict model (docs/verdict.md):
 *
 * <pre>
 * TrainModel --malicious DIR… --benign DIR… [--password P] [--threads N] [--cache DIR]
 *            [--out FILE] [--split-modulus 5] [--split-seed S] [--seed N] [--max-per-set N]
 *            [--cached-only]   (train on the samples already scanned by this engine, scan nothing)
 * </pre>
 *
 * Scans every sample once (findings are cached per engine fingerprint), trains on the train side
 * of the split, measures both sides (validation only as counts) and writes the model file.
 */
public final class TrainModel {
  private TrainModel() {}

  public static void main(String[] argv) throws Exception {
    Opts o = Opts.parse(argv);
    Split split = new Split(Split.Part.ALL, o.modulus, o.splitSeed);
    List<Sample> samples = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (String d : o.malicious) {
      for (Sample s : spread(DatasetDiscovery.discover(Path.of(d), Label.MALICIOUS), o.maxPerSet).samples()) {
        samples.add(s);
        sets.add("malicious-" + s.ecosystem().map(e -> e.osvName().toLowerCase(java.util.Locale.ROOT)).orElse("unknown"));
      }
    }
    for (String d : o.benign) {
      String set = Path.of(d).getFileName().toString();
      for (Sample s : spread(DatasetDiscovery.discover(Path.of(d), Label.BENIGN), o.maxPerSet).samples()) {
        samples.add(s);
        sets.add(set);
      }
    }
    String fingerprint = engineFingerprint();
    Path cacheFile = o.cache.resolve("findings-" + fingerprint.substring(0, 16) + ".jsonl");
    System.err.printf("%d samples; engine %s; cache %s%n", samples.size(), fingerprint.substring(0, 16), cacheFile);
    ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());
    PackageAnalyzer analyzer = new StaticAnalyzer(RuleCatalog.builtin());
    List<TrainingSample> out = new ArrayList<>();
    try (FindingsCache cache = new FindingsCache(cacheFile)) {
      ExecutorService pool = Executors.newFixedThreadPool(o.threads);
      AtomicInteger done = new AtomicInteger();
      List<Future<Optional<List<Finding>>>> futures = new ArrayList<>();
      // Scanned in a fixed mixed order, so a run stopped early leaves every set partly cached.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        order.add(i);
      }
      order.sort(java.util.Comparator.comparingInt(i -> samples.get(i).id().hashCode()));
      Future<?>[] byIndex = new Future<?>[samples.size()];
      long t0 = System.nanoTime();
      for (int i : order) {
        Sample s = samples.get(i);
        byIndex[i] = pool.submit(() -> {
          Optional<Optional<List<Finding>>> hit = cache.get(s.id());
          if (hit.isPresent()) {
            return hit.get();
          }
          if (o.cachedOnly) {
            return null;
          }
          Optional<List<Finding>> f = scan(s, reader, analyzer, o.password);
          cache.put(s.id(), f);
          int n = done.incrementAndGet();
          if (n % 10 == 0) {
            System.err.printf("%d scanned, %d s%n", n, (System.nanoTime() - t0) / 1_000_000_000L);
          }
          return f;
        });
      }
      for (Future<?> f : byIndex) {
        @SuppressWarnings("unchecked")
        Future<Optional<List<Finding>>> typed = (Future<Optional<List<Finding>>>) f;
        futures.add(typed);
      }
      int failed = 0;
      for (int i = 0; i < samples.size(); i++) {
        Sample s = samples.get(i);
        Optional<List<Finding>> f = futures.get(i).get();
        if (f == null) {
          continue;
        }
        if (f.isEmpty()) {
          failed++;
          continue;
        }
        String name = Split.packageName(s);
        out.add(new TrainingSample(s.id(), s.label() == Label.MALICIOUS, sets.get(i), name,
            split.isValidation(name), f.get()));
      }
      pool.shutdown();
      System.err.printf("%d samples scanned (%d newly), %d could not be scanned%n", out.size(), done.get(), failed);
    }
    ModelTrainer.Result r = ModelTrainer.train(out, new ModelTrainer.Settings(o.seed, 12, 0.1, 8, 0.0, 0.01));
    Files.createDirectories(o.out.toAbsolutePath().getParent());
    Files.writeString(o.out, r.json(), StandardCharsets.UTF_8);
    System.out.printf("model %s: %d weights, bias %.3f, thresholds malicious %.4f suspicious %.4f%n",
        r.model().id(), r.model().weights().size(), r.model().bias(), r.model().malicious(), r.model().suspicious());
    System.out.printf("split: %s%n", split.describe());
    System.out.print(Figures.table("train", cast(r.figures().get("train"))));
    System.out.print(Figures.table("validation", cast(r.figures().get("validation"))));
    System.out.printf("written %s (training data sha256 %s)%n", o.out, r.dataHash());
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> cast(Object o) {
    return (java.util.Map<String, Object>) o;
  }

  private static Dataset spread(Dataset d, int max) {
    return max > 0 ? d.spread(max) : d;
  }

  /** Reads and analyses one sample, all its artifacts' findings together; empty when it fails. */
  static Optional<List<Finding>> scan(Sample s, ArtifactReader reader, PackageAnalyzer analyzer,
      Optional<String> password) {
    try {
      List<Artifact> artifacts = s.members().isEmpty()
          ? reader.read(s.path(), password.map(String::toCharArray))
          : List.of(InstalledPackages.read(s));
      if (artifacts.isEmpty()) {
        return Optional.empty();
      }
      List<Finding> all = new ArrayList<>();
      for (Artifact a : artifacts) {
        ScanResult r = analyzer.analyze(a);
        all.addAll(r.findings());
      }
      all.sort(null);
      return Optional.of(all);
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  /** The parts of bulwark-core that decide findings: the analysis (not the verdict), readers, rules. */
  private static final List<String> ENGINE_PARTS = List.of("dev/bulwark/analysis/", "dev/bulwark/artifact/",
      "dev/bulwark/rules/", "dev/bulwark/eval/InstalledPackages");

  /**
   * sha256 of the engine's code and rules (from the bulwark-core jar or classes folder, without the
   * verdict package and the model file), so cached findings are reused only by the same engine.
   */
  static String engineFingerprint() throws IOException {
    try {
      Path where = Path.of(StaticAnalyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      TreeMap<String, byte[]> parts = new TreeMap<>();
      if (Files.isDirectory(where)) {
        try (Stream<Path> files = Files.walk(where)) {
          for (Path p : files.filter(Files::isRegularFile).toList()) {
            parts.put(where.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
          }
        }
      } else {
        try (JarFile jar = new JarFile(where.toFile())) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            if (!e.isDirectory()) {
              try (InputStream in = jar.getInputStream(e)) {
                parts.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
      parts.forEach((name, bytes) -> {
        if (ENGINE_PARTS.stream().anyMatch(name::startsWith) && !name.startsWith("dev/bulwark/analysis/verdict/")) {
          md.update(name.getBytes(StandardCharsets.UTF_8));
          md.update(md.digest(bytes));
        }
      });
      return HexFormat.of().formatHex(md.digest());
    } catch (java.net.URISyntaxException | java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }

  private record Opts(List<String> malicious, List<String> benign, Optional<String> password,
      int threads, Path cache, Path out, int modulus, String splitSeed, long seed, int maxPerSet,
      boolean cachedOnly) {
    static Opts parse(String[] argv) {
      List<String> mal = new ArrayList<>();
      List<String> ben = new ArrayList<>();
      TreeMap<String, String> v = new TreeMap<>();
      for (int i = 0; i < argv.length; i++) {
        String a = argv[i];
        if (a.equals("--cached-only")) {
          v.put("cached-only", "true");
          continue;
        }
        if (!a.startsWith("--") || i + 1 >= argv.length) {
          throw new IllegalArgumentException("expected --name value, got " + a);
        }
        String val = argv[++i];
        switch (a) {
          case "--malicious" -> mal.add(val);
          case "--benign" -> ben.add(val);
          default -> v.put(a.substring(2), val);
        }
      }
      return new Opts(mal, ben, Optional.ofNullable(v.get("password")),
          Integer.parseInt(v.getOrDefault("threads", "2")),
          Path.of(v.getOrDefault("cache", System.getProperty("user.home") + "/.cache/bulwark-model")),
          Path.of(v.getOrDefault("out", "bulwark-core/src/main/resources/dev/bulwark/analysis/verdict/model.json")),
          Integer.parseInt(v.getOrDefault("split-modulus", "5")),
          v.getOrDefault("split-seed", Split.DEFAULT_SEED),
          Long.parseLong(v.getOrDefault("seed", "20261206")),
          Integer.parseInt(v.getOrDefault("max-per-set", "0")),
          v.containsKey("cached-only"));
    }
  }
}
