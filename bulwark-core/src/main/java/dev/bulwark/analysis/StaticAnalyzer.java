package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.deobf.Deobfuscator;
import dev.bulwark.analysis.heuristics.BuiltinHeuristics;
import dev.bulwark.analysis.heuristics.Heuristic;
import dev.bulwark.analysis.heuristics.PackageView;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SharedParse;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.verdict.VerdictModel;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static analysis engine: content detection, virtual files, rules, deobfuscation, heuristics
 * and the verdict. Never runs the code it reads. Thread-safe: one instance serves many packages
 * in parallel; each file's work is bounded, and one file's failure becomes a problem entry.
 */
public final class StaticAnalyzer implements PackageAnalyzer {
  private final RuleEngine engine;
  private final List<Heuristic> heuristics;
  private final EngineLimits limits;
  private final java.util.function.LongSupplier nanoClock;

  public StaticAnalyzer(RuleCatalog catalog) {
    this(catalog, EngineLimits.DEFAULT);
  }

  public StaticAnalyzer(RuleCatalog catalog, EngineLimits limits) {
    this(catalog, limits, BuiltinHeuristics.all());
  }

  StaticAnalyzer(RuleCatalog catalog, EngineLimits limits, List<Heuristic> heuristics) {
    this(catalog, limits, heuristics, System::nanoTime);
  }

  /**
   * With the monotonic clock (nanoseconds) that the wall-clock last resort reads; budgets are
   * otherwise counted in work, so results do not depend on it (tests pass a clock that jumps).
   */
  StaticAnalyzer(RuleCatalog catalog, EngineLimits limits, List<Heuristic> heuristics,
      java.util.function.LongSupplier nanoClock) {
    this.engine = new RuleEngine(catalog.rules());
    this.limits = limits;
    this.heuristics = List.copyOf(heuristics);
    this.nanoClock = nanoClock;
  }

  /** The analyzer with the built-in rules and heuristics. */
  public static StaticAnalyzer builtin() {
    return new StaticAnalyzer(RuleCatalog.builtin());
  }

  @Override
  public ScanResult analyze(Artifact artifact) {
    Run run = new Run(artifact);
    Map<String, ContentType> types = new LinkedHashMap<>();
    List<ArtifactFile> kept = new ArrayList<>();
    List<ContentType> keptTypes = new ArrayList<>();
    long bytes = 0;
    for (ArtifactFile af : artifact.files()) {
      if (af.content().length > limits.maxTextBytes()) {
        run.skipped.add(new Skipped(af.path(), "larger than " + limits.maxTextBytes() + " bytes"));
        continue;
      }
      ContentType type = ContentSniffer.sniff(af.path(), af.content());
      types.put(af.path(), type);
      kept.add(af);
      keptTypes.add(type);
      bytes += af.content().length;
    }
    PackageView pkg = PackageShape.view(artifact, types);
    if (pkg.ecosystem().map(e -> e == dev.bulwark.model.Ecosystem.NPM).orElse(true)) {
      // a text file an install script runs (`node lib/setup.dat`, `sh tools/get`) is read as that code
      for (int i = 0; i < kept.size(); i++) {
        if (keptTypes.get(i) == ContentType.TEXT) {
          int at = i;
          dev.bulwark.analysis.heuristics.InstallRuns.type(kept.get(i).path(), pkg).ifPresent(t -> keptTypes.set(at, t));
        }
      }
    }
    Heuristics h = new Heuristics(heuristics, pkg);
    for (int i = 0; i < kept.size(); i++) {
      ArtifactFile af = kept.get(i);
      if (neverExecuted(af.path())) {
        continue;
      }
      try {
        // Decoded here, one file at a time: the package's text is never held twice in memory.
        ContentType type = keptTypes.get(i);
        scanWithDerived(ScanFile.code(af.path(), type, decode(af.content(), type), af.executable()), run, h);
      } catch (RuntimeException | StackOverflowError e) {
        run.errors.add(new Problem("analysis-error",
            "analysis of this file failed and was skipped: " + e.getClass().getSimpleName(),
            SourceLocation.of(af.path())));
      }
    }
    return VerdictModel.result(artifact, run.findings, run.skipped, run.errors, kept.size(), bytes);
  }

  /**
   * TypeScript declaration files and source maps are never run by Node, Python or a shell (a
   * loader that reads one as data is itself what the rules flag), and they are often the largest
   * files of a package; the rules skip them. The IOC feed still sees them (see scan.IocAnalyzer).
   */
  static boolean neverExecuted(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.endsWith(".d.ts") || p.endsWith(".d.mts") || p.endsWith(".d.cts") || p.endsWith(".map");
  }

  /** Mutable per-package state of one analyze call. */
  private static final class Run {
    final List<Finding> findings;
    final List<Skipped> skipped;
    final List<Problem> errors;

    Run(Artifact a) {
      findings = new ArrayList<>(a.readerFindings());
      skipped = new ArrayList<>(a.skipped());
      errors = new ArrayList<>(a.errors());
    }
  }

  private void scanWithDerived(ScanFile f, Run run, Heuristics h) {
    Budget budget = Budget.of(limits.fileWork(), limits.lastResortMillis(), nanoClock);
    List<ScanFile> queue = new ArrayList<>();
    queue.add(f);
    queue.addAll(VirtualFiles.of(f));
    int decodedCount = 0;
    for (int i = 0; i < queue.size(); i++) {
      ScanFile cur = queue.get(i);
      if (budget.exceeded()) {
        run.skipped.add(new Skipped(cur.path(), budget.ranOutOfTime()
            ? "analysis hit its wall-clock limit (last resort)"
            : "analysis ran out of its work budget"));
        break;
      }
      scanOne(cur, run, h, budget);
      boolean duplicate = cur.type() == ContentType.JSON || cur.path().endsWith("#install");
      if (!duplicate && cur.depth() < limits.decodeDepth() && decodedCount < limits.maxDecodedPerFile()) {
        List<ScanFile> revealed = Deobfuscator.reveal(cur, limits.maxDecodedBytes(),
            limits.maxDecodedPerFile() - decodedCount);
        decodedCount += revealed.size();
        queue.addAll(revealed);
      }
    }
  }

  private void scanOne(ScanFile f, Run run, Heuristics h, Budget budget) {
    // one parse of the file for the rules' queries and flow and for the heuristics
    try (SharedParse parses = new SharedParse()) {
      List<String> why = new ArrayList<>();
      run.findings.addAll(engine.scan(f, h.ecosystem(), x -> new TreeServices(x, limits, h, budget, parses), why, budget));
      why.forEach(w -> run.skipped.add(new Skipped(f.path(), w)));
      for (Heuristic heur : heuristics) {
        if (!heur.standalone() || f.path().contains("#") && !heur.seesVirtualFiles()) {
          continue;
        }
        List<Hit> hits = h.run(heur.name(), f, Map.of(), parses);
        if (!hits.isEmpty()) {
          run.findings.add(RuleEngine.finding(heur.meta(), f, hits.get(0)));
        }
      }
    }
  }

  /** UTF-8 with replacement for text; Latin-1 (one char per byte) for binaries. */
  static String decode(byte[] b, ContentType type) {
    if (!type.isText()) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
