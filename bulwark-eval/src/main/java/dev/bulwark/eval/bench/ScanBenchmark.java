package dev.bulwark.eval.bench;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.model.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-package throughput on the benign npm tarballs, held in memory: plain in-process extraction
 * (gunzip and untar, the floor), reading into an artifact, and reading plus analysis. Each
 * operation is one package, taken round-robin, so the score is packages per second. The
 * comparison with the system {@code tar -xzf} is made by {@code BenchMain}, which also runs it.
 *
 * <p>Run: {@code java -cp 'bulwark-eval/target/classes:bulwark-eval/target/lib/*'
 * org.openjdk.jmh.Main ScanBenchmark -p corpus=$HOME/.cache/bulwark-corpus/npm}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1500m", "--enable-native-access=ALL-UNNAMED"})
public class ScanBenchmark {
  @Param({""})
  public String corpus;

  @Param({""})
  public String rules;

  private final List<String> names = new ArrayList<>();
  private final List<byte[]> tarballs = new ArrayList<>();
  private ArtifactReader reader;
  private PackageAnalyzer analyzer;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(corpus.isEmpty() ? defaultCorpus() : corpus);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".tgz")).sorted().toList()) {
        names.add(p.getFileName().toString());
        tarballs.add(Files.readAllBytes(p));
      }
    }
    if (tarballs.isEmpty()) {
      throw new IOException("no .tgz files in " + dir);
    }
    reader = new ArtifactReader(ReaderLimits.defaults());
    RuleCatalog catalog = RuleCatalog.builtin();
    if (!rules.isEmpty()) {
      catalog = catalog.withUserRules(Path.of(rules));
    }
    analyzer = new StaticAnalyzer(catalog);
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) % tarballs.size();
    return i;
  }

  /** The floor: decompress and walk every entry, keeping nothing. Returns the bytes seen. */
  @Benchmark
  public long extractInProcess() throws IOException {
    int i = nextIndex();
    long n = 0;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new ByteArrayInputStream(tarballs.get(i))))) {
      byte[] buf = new byte[64 * 1024];
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        n += drain(tar, buf);
      }
    }
    return n;
  }

  @Benchmark
  public Artifact read() {
    int i = nextIndex();
    return reader.read(names.get(i), tarballs.get(i), Optional.empty());
  }

  @Benchmark
  public ScanResult readAndAnalyze() {
    int i = nextIndex();
    return analyzer.analyze(reader.read(names.get(i), tarballs.get(i), Optional.empty()));
  }

  private static long drain(InputStream in, byte[] buf) throws IOException {
    long n = 0;
    for (int r = in.read(buf); r > 0; r = in.read(buf)) {
      n += r;
    }
    return n;
  }

  static String defaultCorpus() {
    String base = System.getenv("BULWARK_CORPUS_CACHE");
    if (base == null || base.isEmpty()) {
      base = System.getProperty("user.home") + "/.cache/bulwark-corpus";
    }
    return base + "/npm";
  }
}
