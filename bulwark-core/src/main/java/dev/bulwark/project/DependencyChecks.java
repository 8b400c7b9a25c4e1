package dev.bulwark.project;

import com.google.re2j.Pattern;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Project checks on what the project installs: registries, off-registry and look-alike dependencies. */
final class DependencyChecks {
  private final List<Finding> out = new ArrayList<>();

  List<Finding> run(List<Inventory> inventories, List<AuditFinding> audit) {
    boolean offRegistry = inventories.stream().flatMap(i -> i.dependencies().stream())
        .anyMatch(d -> d.source() == DependencySource.GIT || d.source() == DependencySource.URL);
    for (Inventory inv : inventories) {
      for (PackageSourceConfig s : inv.sources()) {
        if (s.kind().equals("trusted-host")) {
          continue;
        }
        // A registry the project itself configures is common in companies; it becomes a threat
        // signal with plain http, a raw IP, or next to dependencies fetched from URLs or git.
        boolean threat = userWritten(inv.file()) && (insecure(s.url()) || offRegistry);
        out.add(ProjectRules.CUSTOM_REGISTRY.at(Severity.MEDIUM, threat, s.location(),
            s.kind() + " " + s.url(), "", inv.file() + " sets " + s.kind() + " to "
                + Snip.of(s.url()) + "."));
      }
      for (Dependency d : inv.dependencies()) {
        typosquat(d);
        if (d.source() == DependencySource.GIT || d.source() == DependencySource.URL) {
          String from = d.resolved().isEmpty() ? d.version() : d.resolved();
          boolean threat = insecure(from);
          out.add(ProjectRules.NON_REGISTRY_DEPENDENCY.at(threat ? Severity.MEDIUM : Severity.LOW,
              threat, d.location(), d.name() + " " + from, "", d.name() + " is installed from "
                  + d.source().jsonName() + " " + Snip.of(from)
                  + (threat ? " over plain http or from a raw IP address." : ".")));
        }
      }
    }
    for (AuditFinding f : audit) {
      if (f.kind() == AdvisoryKind.MALICIOUS) {
        out.add(ProjectRules.MALICIOUS_DEPENDENCY.at(f.dependency().location(),
            f.dependency().display(), "", f.dependency().display() + " is a known malicious package ("
                + f.id() + ")."));
      }
    }
    out.sort(null);
    return out;
  }

  private final java.util.Set<String> squatSeen = new java.util.HashSet<>();

  /** Direct dependencies only: transitive names are chosen by package authors, not this project. */
  private void typosquat(Dependency d) {
    if (!d.direct() || d.source() != DependencySource.REGISTRY
        || !squatSeen.add(d.ecosystem() + ":" + d.name())) {
      return;
    }
    Typosquat.builtin().check(d.ecosystem(), d.name()).ifPresent(m ->
        out.add(ProjectRules.TYPOSQUAT.at(m.strong() ? Severity.MEDIUM : Severity.LOW, true,
            d.location(), d.name(), "", "The dependency "
            + d.name() + " looks like the popular package " + m.looksLike() + " (" + m.how()
            + "). Check that it is the package you meant.")));
  }

  private static final Pattern INSECURE_URL = Pattern.compile(
      "(?i)^(git\\+)?http://|^[a-z+]*://([^/@]*@)?\\[?[0-9a-f:.]*[0-9]\\]?(:[0-9]+)?(/|$)");

  /** Plain http, or a host that is a raw IP address. */
  static boolean insecure(String url) {
    return INSECURE_URL.matcher(url.trim()).find();
  }

  /** Configuration a person wrote (.npmrc, requirements, pip.conf), not a lockfile's record. */
  private static boolean userWritten(String file) {
    String n = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return n.equals(".npmrc") || n.equals(".yarnrc.yml") || n.equals(".yarnrc")
        || n.startsWith("requirements") || n.equals("pip.conf") || n.equals("pip.ini")
        || n.equals("package.json") || n.equals("pyproject.toml");
  }
}
