package dev.bulwark.audit;

import dev.bulwark.inventory.InventoryScanner;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.policy.FailOn;
import dev.bulwark.policy.IgnoreRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs an audit: extract every lockfile, look each dependency up, apply the policy. */
public final class Auditor {
  private final InventoryScanner scanner;
  private final AdvisoryLookup lookup;
  private final Clock clock;

  public Auditor(InventoryScanner scanner, AdvisoryLookup lookup, Clock clock) {
    this.scanner = scanner;
    this.lookup = lookup;
    this.clock = clock;
  }

  /** The audit options. */
  public record Options(FailOn failOn, boolean includeDev, List<IgnoreRule> ignores) {
    public Options {
      ignores = List.copyOf(ignores);
    }
  }

  /** A path to audit, and how to show it (as the user wrote it). */
  public record Input(Path path, String display) {}

  public AuditReport audit(List<Path> paths, Options options) {
    return auditInputs(paths.stream().map(p -> new Input(p, p.toString())).toList(), options);
  }

  public AuditReport auditInputs(List<Input> inputs, Options options) {
    LocalDate today = LocalDate.now(clock);
    List<IgnoreRule> active = new ArrayList<>();
    List<IgnoreRule> expired = new ArrayList<>();
    for (IgnoreRule r : options.ignores()) {
      (r.expiredOn(today) ? expired : active).add(r);
    }
    Set<IgnoreRule> used = new LinkedHashSet<>();
    AdvisoryLookup cached = new CachingLookup(lookup);
    List<AuditReport.Target> targets = new ArrayList<>();
    for (Input in : inputs) {
      targets.add(auditOne(in, options.includeDev(), active, used, cached));
    }
    List<IgnoreRule> unused = new ArrayList<>();
    for (IgnoreRule r : active) {
      if (!used.contains(r)) {
        unused.add(r);
      }
    }
    return new AuditReport(targets, options.failOn(), options.includeDev(), expired, unused, List.of());
  }

  private AuditReport.Target auditOne(Input input, boolean includeDev, List<IgnoreRule> ignores,
      Set<IgnoreRule> used, AdvisoryLookup cached) {
    InventoryScanner.Result inv = scanner.scan(input.path());
    List<Problem> problems = new ArrayList<>(inv.problems());
    List<Dependency> deps = new ArrayList<>();
    List<AuditFinding> findings = new ArrayList<>();
    List<AuditReport.Ignored> ignored = new ArrayList<>();
    boolean dbFailed = false;
    for (Inventory i : inv.inventories()) {
      problems.addAll(i.problems());
      List<Dependency> audited = new ArrayList<>(i.dependencies().size());
      for (Dependency d : i.dependencies()) {
        if (d.dev() && !includeDev) {
          continue;
        }
        audited.add(d);
      }
      deps.addAll(audited);
      if (dbFailed || audited.isEmpty()) {
        continue;
      }
      // One call per lockfile: the database answers many dependencies per query.
      List<List<AuditFinding>> all;
      try {
        all = cached.lookupAll(audited);
      } catch (AdvisoryLookup.LookupException e) {
        problems.add(new Problem("database-error",
            "the advisory database could not be queried: " + e.getMessage(),
            SourceLocation.of(i.file())));
        dbFailed = true;
        continue;
      }
      for (List<AuditFinding> found : all) {
        for (AuditFinding f : found) {
          Optional<IgnoreRule> rule = firstMatch(ignores, f);
          if (rule.isEmpty()) {
            findings.add(f);
          } else {
            used.add(rule.get());
            ignored.add(new AuditReport.Ignored(f, rule.get()));
          }
        }
      }
    }
    findings.sort(null);
    ignored.sort((a, b) -> a.finding().compareTo(b.finding()));
    problems.sort(null);
    return new AuditReport.Target(input.display(), inv.inventories(), deps, findings, ignored, problems);
  }

  private static Optional<IgnoreRule> firstMatch(List<IgnoreRule> rules, AuditFinding f) {
    for (IgnoreRule r : rules) { // a loop, not a stream: called once per finding
      if (r.matches(f)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
