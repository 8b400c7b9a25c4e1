package dev.bulwark.cli;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.eval.Dataset;
import dev.bulwark.eval.DatasetDiscovery;
import dev.bulwark.eval.EvalJson;
import dev.bulwark.eval.EvalOptions;
import dev.bulwark.eval.EvalReport;
import dev.bulwark.eval.EvalRunner;
import dev.bulwark.eval.EvalTable;
import dev.bulwark.eval.Extractor;
import dev.bulwark.eval.Label;
import dev.bulwark.eval.Split;
import dev.bulwark.eval.SplitReports;
import dev.bulwark.eval.TarExtractor;
import dev.bulwark.scan.Catalogs;
import dev.bulwark.scan.IocAnalyzer;
import dev.bulwark.analysis.ioc.IocFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures detection on labelled datasets: recall on malicious samples, false positives on",
      "benign packages, precision, F1, per-rule hits, throughput and peak heap.",
      "DIR may be the DataDog dataset layout (samples/<eco>/…/*.zip with manifest.json) or folders",
      "of package archives or unpacked packages."
    })
final class EvalCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--malicious", paramLabel = "DIR", description = "Malicious samples (repeatable).")
  List<Path> malicious = new ArrayList<>();

  @Option(names = "--benign", paramLabel = "DIR", description = "Benign packages (repeatable).")
  List<Path> benign = new ArrayList<>();

  @Option(names = "--password", paramLabel = "PASSWORD",
      description = "Password of encrypted sample zips (the datasets use 'infected').")
  String password;

  @Option(names = "--format", defaultValue = "console", description = "console or json")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
  Path output;

  @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule folder (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--jobs", paramLabel = "N", description = "Samples scanned in parallel.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-per-set", paramLabel = "N",
      description = "An evenly spread subset of at most N samples per set, for quick runs.")
  int maxPerSet;

  @Option(names = "--split", paramLabel = "PART", defaultValue = "all",
      description = {"all, train or validation: keep one side of a split by a hash of the package name",
          "(all versions of a package stay on one side). Validation reports give counts only:",
          "misses, false positives and per-sample results are withheld."})
  String split;

  @Option(names = "--split-modulus", paramLabel = "N", defaultValue = "5",
      description = "One package in N is validation (default 5, so 20 %).")
  int splitModulus;

  @Option(names = "--split-seed", paramLabel = "TEXT", defaultValue = Split.DEFAULT_SEED,
      description = "Mixed into the hash, to draw another split (default ${DEFAULT-VALUE}).")
  String splitSeed;

  @Option(names = "--no-model",
      description = "Rule-only verdict (the default until the model is retrained on the current engine; docs/verdict.md).")
  boolean noModel;

  @Option(names = "--model",
      description = "Let the learned verdict model weigh the findings (opt-in: docs/verdict.md says why).")
  boolean model;

  @Option(names = "--tar-baseline",
      description = "Also time `tar -xzf` of the benign tarballs and report the throughput ratio.")
  boolean tarBaseline;

  EvalCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (malicious.isEmpty() && benign.isEmpty()) {
      env.err().println("bulwark eval: give --malicious DIR and/or --benign DIR");
      return ExitCode.USAGE.code;
    }
    if (!format.equalsIgnoreCase("console") && !format.equalsIgnoreCase("json")) {
      env.err().println("bulwark eval: unknown --format '" + format + "'; expected console or json");
      return ExitCode.USAGE.code;
    }
    Split sp;
    try {
      sp = Split.parse(split, splitModulus, splitSeed);
    } catch (IllegalArgumentException e) {
      env.err().println("bulwark eval: " + e.getMessage());
      return ExitCode.USAGE.code;
    }
    Path tmp = null;
    try {
      Dataset mal = sp.apply(discover(malicious, Label.MALICIOUS));
      Dataset ben = sp.apply(discover(benign, Label.BENIGN));
      if (maxPerSet > 0) {
        mal = mal.spread(maxPerSet);
        ben = ben.spread(maxPerSet);
      }
      RuleCatalog catalog = Catalogs.load(resolve(rules));
      ArtifactReader reader = new ArtifactReader(ReaderLimits.defaults());
      Optional<char[]> pw = Optional.ofNullable(password).map(String::toCharArray);
      Optional<Extractor> baseline = Optional.empty();
      if (tarBaseline) {
        tmp = Files.createTempDirectory("bulwark-eval-");
        baseline = Optional.of(new TarExtractor(tmp, Duration.ofSeconds(60)));
      }
      int total = mal.samples().size() + ben.samples().size();
      AtomicInteger done = new AtomicInteger();
      EvalReport report = new EvalRunner(p -> reader.read(p, pw),
          dev.bulwark.analysis.verdict.ModelAnalyzer.wrap(new IocAnalyzer(new StaticAnalyzer(catalog), IocFeed.builtin()), noModel || !model),
          new EvalOptions(Math.max(1, jobs), baseline), env.clock()).run(mal, ben, o -> {
            int n = done.incrementAndGet();
            if (env.tty() && (n % 50 == 0 || n == total)) {
              env.err().printf(Locale.ROOT, "\r%d/%d samples", n, total);
              env.err().flush();
            }
          });
      if (env.tty()) {
        env.err().println();
      }
      report = SplitReports.forSplit(report, sp);
      PrintWriter w = output == null ? env.out()
          : new PrintWriter(Files.newBufferedWriter(env.cwd().resolve(output)));
      try {
        if (format.equalsIgnoreCase("json")) {
          EvalJson.write(report, w);
        } else {
          EvalTable.render(report, w);
        }
      } finally {
        if (w != env.out()) {
          w.close();
        } else {
          w.flush();
        }
      }
      return ExitCode.OK.code;
    } catch (IOException e) {
      env.err().println("bulwark eval: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    } finally {
      deleteQuietly(tmp);
    }
  }

  private Dataset discover(List<Path> roots, Label label) throws IOException {
    return roots.isEmpty() ? Dataset.empty() : DatasetDiscovery.discover(resolve(roots), label);
  }

  private List<Path> resolve(List<Path> ps) {
    return ps.stream().map(p -> p.isAbsolute() ? p : env.cwd().resolve(p).normalize()).toList();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir we could not delete is left for the OS to clean
    }
  }
}
