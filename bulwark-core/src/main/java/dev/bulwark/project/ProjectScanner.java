package dev.bulwark.project;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.audit.CachingLookup;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Triage of a take-home project: what would run, what the code does, what it depends on. */
public final class ProjectScanner {
  private final PackageAnalyzer analyzer;
  private final Optional<AdvisoryLookup> lookup;
  private final List<LockfileExtractor> extractors;

  public ProjectScanner(PackageAnalyzer analyzer, Optional<AdvisoryLookup> lookup,
      List<LockfileExtractor> extractors) {
    this.analyzer = analyzer;
    this.lookup = lookup;
    this.extractors = List.copyOf(extractors);
  }

  public ProjectResult scan(ProjectTree tree) {
    ExecutionSurface surface = SurfaceBuilder.build(tree);
    ScanResult code = analyzer.analyze(new Artifact(tree.displayName(), Optional.empty(), "", "",
        tree.files(), List.of(), List.of(), List.of()));
    List<Problem> errors = new ArrayList<>(tree.problems());
    errors.addAll(code.errors());
    List<Inventory> inventories = inventories(tree, extractors, errors);
    List<AuditFinding> audit = audit(inventories, errors);
    code = withRunFiles(code, surface);
    Map<String, List<Finding>> threatsByFile = threatsByFile(code.findings());
    List<Finding> project = new ProjectChecks(tree, surface, threatsByFile).run(inventories, audit);
    List<Finding> all = new ArrayList<>(code.findings());
    all.addAll(project);
    all.sort(null);
    Verdict verdict = verdict(code, project);
    int score = score(code, project, verdict);
    String reason = ProjectStory.reason(verdict, all);
    List<dev.bulwark.model.Skipped> skipped = new ArrayList<>(tree.skipped());
    skipped.addAll(code.skipped());
    skipped.sort(null);
    errors.sort(null);
    ScanResult scan = new ScanResult(tree.displayName(), "project", Optional.empty(), "", "",
        verdict, score, reason, all, skipped, errors, code.filesScanned(), code.bytesScanned());
    int deps = inventories.stream().mapToInt(i -> i.dependencies().size()).sum();
    return new ProjectResult(scan, tree.origin(), surface, audit, deps,
        ProjectStory.story(surface, all), ProjectStory.nextSteps(verdict, surface));
  }

  /**
   * The code verdict again, with the files that the project's triggers run weighed wherever they
   * are: the package verdict sets aside tests, docs and bundles, but a test file that `npm start`
   * runs is code that runs. Maintainer-only make targets (release, docs) do not count.
   */
  static ScanResult withRunFiles(ScanResult code, ExecutionSurface surface) {
    java.util.Set<String> runs = new java.util.TreeSet<>();
    for (Trigger t : surface.triggers()) {
      if (t.kind() == TriggerKind.MAKE && ProjectChecks.maintainerTarget(t.name())) {
        continue;
      }
      runs.addAll(t.runs());
      if (t.kind() == TriggerKind.INSTALL || t.kind() == TriggerKind.RUN) {
        runs.add(t.location().file()); // the manifest: its scripts run when the user starts the project
      }
    }
    dev.bulwark.analysis.verdict.VerdictModel.Assessment a =
        dev.bulwark.analysis.verdict.VerdictModel.assess(code.findings(), runs);
    if (a.verdict() == code.verdict() && a.score() == code.score()) {
      return code;
    }
    return new ScanResult(code.target(), code.kind(), code.ecosystem(), code.name(), code.version(),
        a.verdict(), a.score(), a.reason(), code.findings(), code.skipped(), code.errors(),
        code.filesScanned(), code.bytesScanned());
  }

  /** Lockfiles first; a manifest is read only when no lockfile with dependencies sits beside it. */
  static List<Inventory> inventories(ProjectTree tree, List<LockfileExtractor> extractors,
      List<Problem> errors) {
    List<Inventory> out = new ArrayList<>();
    Map<String, Boolean> lockedDirs = new TreeMap<>();
    for (boolean manifests : new boolean[] {false, true}) {
      for (ArtifactFile f : tree.files()) {
        Optional<LockfileExtractor> ex = extractor(f, extractors);
        if (ex.isEmpty() || ex.get().isManifest() != manifests) {
          continue;
        }
        String key = ImportGraph.dir(f.path()) + "|" + ex.get().ecosystem();
        if (manifests && lockedDirs.containsKey(key)) {
          continue;
        }
        extract(ex.get(), f, errors).ifPresent(inv -> {
          out.add(inv);
          if (!inv.dependencies().isEmpty()) {
            lockedDirs.put(key, true);
          }
        });
      }
    }
    return out;
  }

  /** The result with --deep findings added, verdict, score, story and next steps recomputed. */
  public static ProjectResult withDeep(ProjectResult r, List<DeepScan.Outcome> outcomes) {
    List<Finding> extra = DeepScan.findings(outcomes);
    ScanResult s = r.scan();
    List<Problem> errors = new ArrayList<>(s.errors());
    long failed = outcomes.stream().filter(o -> o.status() == DeepScan.Status.FETCH_FAILED
        || o.status() == DeepScan.Status.NO_SOURCE).count();
    if (failed > 0) {
      String first = outcomes.stream().filter(o -> o.status() == DeepScan.Status.FETCH_FAILED
          || o.status() == DeepScan.Status.NO_SOURCE).findFirst().map(o -> o.dependency().display()
          + ": " + o.detail()).orElse("");
      errors.add(new Problem("deep-incomplete", failed + " of " + outcomes.size()
          + " dependencies could not be fetched for --deep (first: " + first + ")",
          outcomes.stream().filter(o -> o.status() == DeepScan.Status.FETCH_FAILED
              || o.status() == DeepScan.Status.NO_SOURCE).findFirst()
              .map(o -> SourceLocation.of(o.dependency().location().file()))
              .orElse(SourceLocation.of(""))));
      errors.sort(null);
    }
    if (extra.isEmpty() && failed == 0) {
      return r;
    }
    List<Finding> all = new ArrayList<>(s.findings());
    all.addAll(extra);
    all.sort(null);
    List<Finding> project = all.stream()
        .filter(f -> ProjectRules.find(f.ruleId()).isPresent()).toList();
    Verdict v = verdict(s, project);
    if (s.verdict() == Verdict.MALICIOUS) {
      v = Verdict.MALICIOUS;
    } else if (v == Verdict.CLEAN && s.verdict() == Verdict.SUSPICIOUS) {
      v = Verdict.SUSPICIOUS;
    }
    int score = score(s, project, v);
    ScanResult n = new ScanResult(s.target(), s.kind(), s.ecosystem(), s.name(), s.version(), v,
        score, ProjectStory.reason(v, all), all, s.skipped(), errors, s.filesScanned(),
        s.bytesScanned());
    return new ProjectResult(n, r.origin(), r.surface(), r.dependencyFindings(),
        r.dependencyCount(), ProjectStory.story(r.surface(), all),
        ProjectStory.nextSteps(v, r.surface()));
  }

  private static Optional<Inventory> extract(LockfileExtractor ex, ArtifactFile f,
      List<Problem> errors) {
    try {
      return Optional.of(ex.extract(LockfileInput.ofText(f.path(),
          new String(f.content(), StandardCharsets.UTF_8))));
    } catch (ExtractionException e) {
      errors.add(new Problem("unreadable", e.getMessage(), e.location()));
    } catch (RuntimeException e) {
      errors.add(new Problem("extractor-error", ex.id() + " failed: " + e,
          SourceLocation.of(f.path())));
    }
    return Optional.empty();
  }

  private static Optional<LockfileExtractor> extractor(ArtifactFile f,
      List<LockfileExtractor> extractors) {
    if (f.path().startsWith(".git/")) {
      return Optional.empty();
    }
    return extractors.stream().filter(e -> e.handles(f.fileName())).findFirst();
  }

  private List<AuditFinding> audit(List<Inventory> inventories, List<Problem> errors) {
    if (lookup.isEmpty()) {
      return List.of();
    }
    List<AuditFinding> out = new ArrayList<>();
    AdvisoryLookup cached = new CachingLookup(lookup.get());
    try {
      for (Inventory i : inventories) {
        for (Dependency d : i.dependencies()) {
          out.addAll(cached.lookup(d));
        }
      }
    } catch (AdvisoryLookup.LookupException e) {
      errors.add(new Problem("database-error", "the advisory database could not be queried: "
          + e.getMessage(), SourceLocation.of("")));
    }
    out.sort(null);
    return out;
  }

  /** Threat findings by the real file they are in ("a.js!decoded/1" and "package.json#scripts.x" map to the file). */
  static Map<String, List<Finding>> threatsByFile(List<Finding> findings) {
    Map<String, List<Finding>> m = new TreeMap<>();
    for (Finding f : findings) {
      if (!f.threat() || f.severity() == Severity.LOW) {
        continue;
      }
      // fp: a finding about a manifest's own script (package.json#scripts.x) describes a trigger,
      // which ProjectChecks judges itself; code that loads the manifest as data does not run it.
      if (f.location().file().contains("#scripts.")) {
        continue;
      }
      m.computeIfAbsent(realFile(f.location().file()), k -> new ArrayList<>()).add(f);
    }
    m.values().forEach(l -> l.sort(null));
    return m;
  }

  static String realFile(String path) {
    int bang = path.indexOf('!');
    int hash = path.indexOf('#');
    int cut = bang < 0 ? hash : hash < 0 ? bang : Math.min(bang, hash);
    return cut < 0 ? path : path.substring(0, cut);
  }

  static Verdict verdict(ScanResult code, List<Finding> project) {
    if (code.verdict() == Verdict.MALICIOUS) {
      return Verdict.MALICIOUS;
    }
    long highThreatRules = project.stream()
        .filter(f -> f.threat() && f.severity().atLeast(Severity.HIGH))
        .map(Finding::ruleId).distinct().count();
    boolean critical = project.stream().anyMatch(f -> f.threat()
        && f.severity() == Severity.CRITICAL && f.confidence() != Confidence.LOW);
    if (critical || highThreatRules >= 2) {
      return Verdict.MALICIOUS;
    }
    boolean medium = project.stream().anyMatch(f -> f.threat() && f.severity().atLeast(Severity.MEDIUM));
    if (medium || code.verdict() == Verdict.SUSPICIOUS) {
      return Verdict.SUSPICIOUS;
    }
    return Verdict.CLEAN;
  }

  private static int score(ScanResult code, List<Finding> project, Verdict v) {
    int s = code.score();
    for (Finding f : project) {
      int w = !f.threat() ? 10 : switch (f.severity()) {
        case CRITICAL -> 95;
        case HIGH -> 75;
        case MEDIUM -> 45;
        default -> 15;
      };
      s = Math.max(s, w);
    }
    return switch (v) {
      case MALICIOUS -> Math.max(s, 70);
      case SUSPICIOUS -> Math.min(Math.max(s, 30), 69);
      case CLEAN -> Math.min(s, 29);
    };
  }
}
