package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Runs the {@link MetadataRules} over one version of a package. Pure: time is passed in. */
public final class MetadataHeuristics {
  /**
   * @param minAgeDays versions younger than this are flagged
   * @param privateScopes npm scopes the user routes to a private registry ("@acme")
   * @param mixedIndexes true when pip merges more than one index
   */
  public record Options(int minAgeDays, Set<String> privateScopes, boolean mixedIndexes) {
    public Options {
      privateScopes = Set.copyOf(privateScopes);
    }
  }

  private final Typosquats typosquats;
  private final Options options;

  public MetadataHeuristics(Typosquats typosquats, Options options) {
    this.typosquats = typosquats;
    this.options = options;
  }

  /** The findings for version {@code r} of {@code h}, at time {@code now}, sorted. */
  public List<Finding> evaluate(PackageHistory h, Release r, Instant now) {
    return evaluate(h, r, now, typosquats.check(h.ecosystem(), h.name()));
  }

  /** As above, with the typosquat check already done (the checker needs it first, and once). */
  List<Finding> evaluate(PackageHistory h, Release r, Instant now, Optional<Typosquats.Squat> squat) {
    String where = where(h, r);
    List<Finding> out = new ArrayList<>();
    squat.ifPresent(s -> out.add(MetadataRules.TYPOSQUAT
        .finding(where, s.popular(), "The name " + s.name() + " looks like the popular package "
            + s.popular() + " (" + s.kind().name().toLowerCase(Locale.ROOT) + ").")));
    age(h, r, now, where, out);
    history(h, r, where, out);
    hygiene(h, r, where, out);
    scripts(h, r, where, out);
    confusion(h, where, out);
    out.sort(null);
    return List.copyOf(out);
  }

  static String where(PackageHistory h, Release r) {
    return (h.ecosystem() == Ecosystem.NPM ? "npm:" + h.name() + "@" : "pypi:" + h.name() + "==")
        + r.version();
  }

  private void age(PackageHistory h, Release r, Instant now, String where, List<Finding> out) {
    Duration min = Duration.ofDays(options.minAgeDays());
    if (r.published().isPresent() && r.published().get().plus(min).isAfter(now)) {
      long hours = Duration.between(r.published().get(), now).toHours();
      out.add(MetadataRules.YOUNG_VERSION.finding(where, r.published().get().toString(),
          "Version " + r.version() + " was published " + hours + " hour(s) ago."));
    }
    Optional<Instant> first = h.releases().isEmpty() ? Optional.empty() : h.releases().get(0).published();
    if (h.releases().size() == 1 || first.isPresent() && first.get().plus(min).isAfter(now)) {
      out.add(MetadataRules.FIRST_RELEASE.finding(where, first.map(Instant::toString).orElse(""),
          "The package has " + h.releases().size() + " version(s); the first was published "
              + first.map(Instant::toString).orElse("at an unknown time") + "."));
    }
  }

  private void history(PackageHistory h, Release r, String where, List<Finding> out) {
    Optional<Release> prev = h.previous(r.version());
    if (prev.isPresent() && prev.get().published().isPresent() && r.published().isPresent()) {
      long gap = Duration.between(prev.get().published().get(), r.published().get()).toDays();
      if (gap > 365) {
        out.add(MetadataRules.DORMANT.finding(where, prev.get().version() + " -> " + r.version(),
            "Version " + r.version() + " came " + gap + " days after " + prev.get().version() + "."));
      }
    }
    if (r.published().isPresent()) {
      Instant t = r.published().get();
      long near = h.releases().stream().filter(x -> x.published().isPresent()
          && Duration.between(x.published().get(), t).abs().toHours() < 24).count();
      if (near >= 5) {
        out.add(MetadataRules.BURST.finding(where, near + " versions",
            near + " versions were published within 24 hours of " + r.version() + "."));
      }
    }
    List<Release> before = h.before(r.version());
    if (!r.publisher().isEmpty() && !before.isEmpty()) {
      Set<String> known = new HashSet<>();
      before.forEach(b -> {
        known.add(b.publisher());
        known.addAll(b.maintainers());
      });
      if (!known.contains(r.publisher())) {
        out.add(MetadataRules.NEW_MAINTAINER.finding(where, r.publisher(), "Version " + r.version()
            + " was published by " + r.publisher() + ", who published no earlier version."));
      }
    }
  }

  private void hygiene(PackageHistory h, Release r, String where, List<Finding> out) {
    if (r.maintainers().size() == 1) {
      out.add(MetadataRules.SINGLE_MAINTAINER.finding(where, r.maintainers().get(0),
          "Only " + r.maintainers().get(0) + " can publish this package."));
    }
    String repo = r.repository().toLowerCase(Locale.ROOT);
    String bare = h.name().substring(h.name().indexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (repo.isBlank()) {
      out.add(MetadataRules.NO_REPOSITORY.finding(where, "", "The package names no source repository."));
    } else if (!squash(repo).contains(squash(bare)) && !repo.contains("/tree/")) {
      out.add(MetadataRules.NO_REPOSITORY.finding(where, r.repository(), "The repository "
          + r.repository() + " does not mention the package name " + bare + "."));
    }
    if (!h.readme() && r.description().isBlank()) {
      out.add(MetadataRules.NO_README.finding(where, "", "The package has no README and no description."));
    }
    String desc = r.description().toLowerCase(Locale.ROOT);
    if (desc.contains("security holding package") || r.version().endsWith("-security")) {
      out.add(MetadataRules.SECURITY_HOLDING.finding(where, r.description(),
          "The registry replaced this package with a security holding package."));
    }
  }

  private static String squash(String s) {
    return s.replace("-", "").replace("_", "").replace(".", "");
  }

  private void scripts(PackageHistory h, Release r, String where, List<Finding> out) {
    Optional<Release> prev = h.previous(r.version());
    if (prev.isEmpty()) {
      return;
    }
    for (var e : r.installScripts().entrySet()) {
      String old = prev.get().installScripts().getOrDefault(e.getKey(), "");
      if (!old.equals(e.getValue())) {
        out.add(MetadataRules.NEW_INSTALL_SCRIPT.finding(where, e.getKey() + ": " + e.getValue(),
            "The " + e.getKey() + " script is new or changed since " + prev.get().version() + "."));
      }
    }
    boolean earlierAttested = h.before(r.version()).stream().anyMatch(Release::attested);
    if (earlierAttested && !r.attested()) {
      out.add(MetadataRules.PROVENANCE_REGRESSION.finding(where, r.version(), "Earlier versions had"
          + " provenance attestations or signatures; " + r.version() + " has none."));
    }
  }

  private void confusion(PackageHistory h, String where, List<Finding> out) {
    if (h.ecosystem() == Ecosystem.PYPI) {
      if (options.mixedIndexes()) {
        out.add(MetadataRules.DEPENDENCY_CONFUSION.finding(where, "extra-index-url",
            "pip merges several indexes here and takes the highest version from any of them."));
      }
      return;
    }
    String n = h.name().toLowerCase(Locale.ROOT);
    if (n.startsWith("@")) {
      return;
    }
    for (String scope : options.privateScopes()) {
      String bare = scope.substring(1).toLowerCase(Locale.ROOT);
      if (n.equals(bare) || n.startsWith(bare + "-") || n.startsWith(bare + ".")) {
        out.add(MetadataRules.DEPENDENCY_CONFUSION.finding(where, scope, "The unscoped name " + n
            + " matches your private scope " + scope + " but comes from the public registry."));
      }
    }
  }
}
