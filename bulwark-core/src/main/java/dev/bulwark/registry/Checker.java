package dev.bulwark.registry;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.SourceLocation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks registry packages before installation: resolves the version, reads the registry
 * metadata, runs the metadata heuristics, looks up advisories, downloads the tarball or wheel,
 * verifies its integrity and scans it statically. Never installs or runs anything.
 */
public final class Checker {
  /** The registry clients; a missing one carries the reason it could not be configured. */
  public record Registries(Optional<NpmClient> npm, String npmError, Optional<PypiClient> pypi,
      String pypiError) {}

  private final Registries registries;
  private final MetadataHeuristics heuristics;
  private final PackageAnalyzer analyzer;
  private final ArtifactReader reader;
  private final Optional<AdvisoryLookup> advisories;
  private final Typosquats typosquats;
  private final Clock clock;
  private final ScanCache scans;
  private final PhaseClock phases = new PhaseClock();
  /** Advisory lookups are serialised: the database's SQLite connection is shared. */
  private final Object advisoryLock = new Object();

  public Checker(Registries registries, MetadataHeuristics heuristics, Typosquats typosquats,
      PackageAnalyzer analyzer, ArtifactReader reader, Optional<AdvisoryLookup> advisories,
      Clock clock) {
    this(registries, heuristics, typosquats, analyzer, reader, advisories, clock, ScanCache.disabled());
  }

  private Checker(Registries registries, MetadataHeuristics heuristics, Typosquats typosquats,
      PackageAnalyzer analyzer, ArtifactReader reader, Optional<AdvisoryLookup> advisories,
      Clock clock, ScanCache scans) {
    this.scans = scans;
    this.registries = registries;
    this.heuristics = heuristics;
    this.typosquats = typosquats;
    this.analyzer = analyzer;
    this.reader = reader;
    this.advisories = advisories;
    this.clock = clock;
  }

  /**
   * The same checker, remembering code scans in {@code cache} by integrity hash: a package whose
   * verified artifact was scanned before is neither downloaded nor scanned again.
   */
  public Checker withScanCache(ScanCache cache) {
    return new Checker(registries, heuristics, typosquats, analyzer, reader, advisories, clock, cache);
  }

  /** Where this checker's time went so far. */
  public PhaseTimes phaseTimes() {
    return phases.snapshot();
  }

  /** Checks one package. Thread-safe: the install guard checks a plan in parallel. */
  public CheckResult check(CheckTarget t) {
    phases.check();
    List<Problem> problems = new ArrayList<>();
    long start = System.nanoTime();
    Optional<Typosquats.Squat> squat = typosquats.check(t.ecosystem(), t.name());
    String didYouMean = squat.map(Typosquats.Squat::popular).orElse("");
    start = phases.add(PhaseClock.Phase.HEURISTICS, start);
    // The local advisory data first: it answers even when the registry cannot (a package removed
    // for malware is a 404 there, but its MAL record still names it).
    List<Problem> knownProblems = new ArrayList<>();
    List<AuditFinding> known = known(t, knownProblems);
    start = phases.add(PhaseClock.Phase.ADVISORY, start);
    PackageHistory h;
    Release r;
    try {
      h = history(t);
      r = VersionPicker.pick(h, t.spec()).orElseThrow(() -> new RegistryException(t.spec().isEmpty()
          ? "the registry lists no installable version of " + t.name()
          : "no version of " + t.name() + " matches '" + t.spec() + "'"));
    } catch (RegistryException | RuntimeException e) {
      // A malformed document must not escape as a crash: the package is simply not checked.
      String why = e instanceof RegistryException ? e.getMessage()
          : "the registry's answer could not be read (" + e.getClass().getSimpleName() + ")";
      problems.add(new Problem("registry-error", why, SourceLocation.of(t.text())));
      problems.addAll(knownProblems);
      phases.add(PhaseClock.Phase.METADATA, start);
      return Verdicts.decide(t, "", didYouMean, List.of(), Optional.empty(), known, problems);
    }
    start = phases.add(PhaseClock.Phase.METADATA, start);
    // The registry's spelling of the name is what the heuristics judge; it is usually the same.
    List<Finding> meta = h.name().equals(t.name()) ? heuristics.evaluate(h, r, clock.instant(), squat)
        : heuristics.evaluate(h, r, clock.instant());
    start = phases.add(PhaseClock.Phase.HEURISTICS, start);
    List<AuditFinding> adv = advisories(t, h, r, problems);
    phases.add(PhaseClock.Phase.ADVISORY, start);
    Optional<ScanResult> code = scan(t, h, r, problems);
    return Verdicts.decide(t, r.version(), didYouMean, meta, code, adv, problems);
  }

  /**
   * The advisories that name the target before any version is known: for an exact version, that
   * version; for a range, any version it allows; for no version or a tag, any version.
   */
  private List<AuditFinding> known(CheckTarget t, List<Problem> problems) {
    if (advisories.isEmpty()) {
      return List.of();
    }
    String spec = t.spec().strip();
    boolean exact = t.ecosystem() == Ecosystem.NPM ? EXACT_NPM.matcher(spec).matches()
        : spec.startsWith("==") && !spec.contains(",") && !spec.contains("*");
    String version = exact && spec.startsWith("==") ? spec.substring(2).strip() : spec;
    Dependency d = new Dependency(t.ecosystem(), PackageNames.normalize(t.ecosystem(), t.name()),
        version, !exact, true, false, false, DependencySource.REGISTRY, "", "",
        SourceLocation.of(t.text()), List.of());
    try {
      List<AuditFinding> out;
      synchronized (advisoryLock) {
        out = new ArrayList<>(advisories.get().lookup(d));
      }
      out.sort(null);
      return out;
    } catch (AdvisoryLookup.LookupException | RuntimeException e) {
      problems.add(new Problem("advisory-error",
          "the advisory database could not be read: " + e.getMessage(), SourceLocation.of(t.text())));
      return List.of();
    }
  }

  /** One exact npm version (RE2/J: the spec can come from a lockfile). */
  private static final com.google.re2j.Pattern EXACT_NPM =
      com.google.re2j.Pattern.compile("v?\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private PackageHistory history(CheckTarget t) throws RegistryException {
    if (t.ecosystem() == Ecosystem.NPM) {
      return registries.npm().orElseThrow(() -> new RegistryException(registries.npmError()))
          .history(t.name());
    }
    return registries.pypi().orElseThrow(() -> new RegistryException(registries.pypiError()))
        .history(t.name());
  }

  private List<AuditFinding> advisories(CheckTarget t, PackageHistory h, Release r,
      List<Problem> problems) {
    if (advisories.isEmpty()) {
      return List.of();
    }
    Dependency d = new Dependency(h.ecosystem(), PackageNames.normalize(h.ecosystem(), h.name()),
        r.version(), false, true, false, false, DependencySource.REGISTRY, r.artifactUrl(),
        r.integrity(), SourceLocation.of(t.text()), List.of());
    try {
      List<AuditFinding> out;
      synchronized (advisoryLock) {
        out = new ArrayList<>(advisories.get().lookup(d));
      }
      out.sort(null);
      return out;
    } catch (AdvisoryLookup.LookupException e) {
      problems.add(new Problem("advisory-error", e.getMessage(), SourceLocation.of(t.text())));
      return List.of();
    }
  }

  private Optional<ScanResult> scan(CheckTarget t, PackageHistory h, Release r, List<Problem> problems) {
    if (r.artifactUrl().isEmpty()) {
      problems.add(new Problem("no-artifact", "the registry lists no file for " + r.version(),
          SourceLocation.of(t.text())));
      return Optional.empty();
    }
    Optional<ScanResult> hit = scans.get(r.integrity());
    if (hit.isPresent()) {
      phases.cached();
      return hit;
    }
    try {
      long start = System.nanoTime();
      byte[] data = h.ecosystem() == Ecosystem.NPM
          ? registries.npm().orElseThrow().tarball(r) : registries.pypi().orElseThrow().file(r);
      start = phases.add(PhaseClock.Phase.DOWNLOAD, start);
      String file = r.artifactUrl().substring(r.artifactUrl().lastIndexOf('/') + 1);
      Artifact a = reader.read(file.isEmpty() ? "package.tgz" : file, data, Optional.empty());
      ScanResult result = analyzer.analyze(a);
      phases.add(PhaseClock.Phase.SCAN, start);
      phases.scanned();
      // Only a download that matched its integrity hash gets here, so the key names these bytes.
      scans.put(r.integrity(), result);
      return Optional.of(result);
    } catch (RegistryException e) {
      problems.add(new Problem(e.getMessage().contains("mismatch") ? "integrity-mismatch" : "download-error",
          e.getMessage(), SourceLocation.of(t.text())));
      return Optional.empty();
    }
  }
}
