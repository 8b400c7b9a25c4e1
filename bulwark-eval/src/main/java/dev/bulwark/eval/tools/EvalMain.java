package dev.bulwark.eval.tools;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.eval.Dataset;
import dev.bulwark.eval.DatasetDiscovery;
import dev.bulwark.eval.EvalJson;
import dev.bulwark.eval.EvalOptions;
import dev.bulwark.eval.EvalReport;
import dev.bulwark.eval.EvalRunner;
import dev.bulwark.eval.EvalTable;
import dev.bulwark.eval.Extractor;
import dev.bulwark.eval.Label;
import dev.bulwark.eval.TarExtractor;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Developer entry point to the evaluation harness, until and besides {@code bulwark eval}:
 *
 * <pre>
 * EvalMain --malicious DIR [--malicious DIR] --benign DIR [--benign DIR] [--password P]
 *          [--threads N] [--rules DIR] [--json FILE] [--tar-baseline] [--read-only]
 *          [--max-per-set N]   (evenly spread subset of each set, for quick runs)
 * </pre>
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] argv) throws IOException {
    Args a = new Args(argv, List.of("tar-baseline", "read-only"));
    Dataset mal = discover(a.all("malicious"), Label.MALICIOUS);
    Dataset ben = discover(a.all("benign"), Label.BENIGN);
    if (a.one("max-per-set").isPresent()) {
      mal = mal.spread(a.integer("max-per-set", 0));
      ben = ben.spread(a.integer("max-per-set", 0));
    }
    System.err.printf("%d malicious, %d benign samples%n", mal.samples().size(),
        ben.samples().size());
    PackageAnalyzer analyzer = a.flag("read-only") ? Engines.none() : Engines.analyzer(a.all("rules"));
    Path tmp = Files.createTempDirectory("bulwark-eval-");
    Optional<Extractor> baseline = a.flag("tar-baseline")
        ? Optional.of(new TarExtractor(tmp, Duration.ofSeconds(60))) : Optional.empty();
    int threads = a.integer("threads", Runtime.getRuntime().availableProcessors());
    int total = mal.samples().size() + ben.samples().size();
    AtomicInteger done = new AtomicInteger();
    EvalReport report = new EvalRunner(Engines.reader(a.one("password")), analyzer,
        new EvalOptions(threads, baseline), Clock.systemUTC()).run(mal, ben, o -> {
          int n = done.incrementAndGet();
          if (n % 100 == 0 || n == total) {
            System.err.printf("%d/%d samples%n", n, total);
          }
        });
    Files.deleteIfExists(tmp);
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    EvalTable.render(report, out);
    if (a.one("json").isPresent()) {
      try (Writer w = Files.newBufferedWriter(Path.of(a.one("json").get()))) {
        EvalJson.write(report, w);
      }
    }
  }

  private static Dataset discover(List<String> roots, Label label) throws IOException {
    return DatasetDiscovery.discover(roots.stream().map(Path::of).toList(), label);
  }
}
