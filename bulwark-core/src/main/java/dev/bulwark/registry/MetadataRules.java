package dev.bulwark.registry;

import static dev.bulwark.model.Confidence.HIGH;
import static dev.bulwark.model.Confidence.LOW;
import static dev.bulwark.model.Confidence.MEDIUM;

import dev.bulwark.model.Severity;
import java.util.List;

/** The catalogue of metadata heuristics run by {@link MetadataHeuristics}. */
public final class MetadataRules {
  private MetadataRules() {}

  public static final MetadataRule TYPOSQUAT = new MetadataRule("metadata/typosquat",
      "Name imitates a popular package", Severity.HIGH, MEDIUM, true,
      "The name is a small edit, lookalike, separator variant, scope swap or combo of a popular package.",
      "Attackers publish lookalike names so that a typo or a hurried copy installs their code.",
      "Check the spelling; install the popular package it imitates if that is what you meant.");
  public static final MetadataRule YOUNG_VERSION = new MetadataRule("metadata/young-version",
      "Version published very recently", Severity.LOW, LOW, false,
      "This version was published fewer days ago than the minimum age.",
      "Most malicious versions are found and removed within days; waiting lets others find them.",
      "Prefer an older version, or wait until this one is a few days old.");
  public static final MetadataRule FIRST_RELEASE = new MetadataRule("metadata/first-release",
      "Brand-new package", Severity.MEDIUM, LOW, false,
      "The package has only one version, or its first version is younger than the minimum age.",
      "Throwaway packages made for one attack usually have a single fresh release.",
      "Make sure this is the package you meant; look for its source and its authors.");
  public static final MetadataRule DORMANT = new MetadataRule("metadata/dormant-then-release",
      "Release after a long silence", Severity.MEDIUM, LOW, false,
      "This version came out more than a year after the version before it.",
      "Taken-over accounts and abandoned packages often wake up with a malicious release.",
      "Read what changed in this version, and who published it, before upgrading.");
  public static final MetadataRule BURST = new MetadataRule("metadata/version-burst",
      "Burst of versions", Severity.LOW, LOW, false,
      "Five or more versions were published within 24 hours around this one.",
      "Attackers publish many versions quickly to catch every range, or to bury a bad one.",
      "Pin a version that predates the burst unless you know why it happened.");
  public static final MetadataRule NEW_MAINTAINER = new MetadataRule("metadata/new-maintainer",
      "Published by a new account", Severity.MEDIUM, MEDIUM, false,
      "The account that published this version published none of the earlier versions.",
      "A new publisher on a popular package is the shape of an account takeover.",
      "Check the project's announcements for the maintainer change before upgrading.");
  public static final MetadataRule SINGLE_MAINTAINER = new MetadataRule("metadata/single-maintainer",
      "Single maintainer", Severity.LOW, LOW, false,
      "Only one account can publish this package.",
      "One stolen credential is enough to publish a malicious version.",
      "Nothing to do now; prefer pinned versions and lockfiles.");
  public static final MetadataRule NO_REPOSITORY = new MetadataRule("metadata/no-repository",
      "No source repository", Severity.LOW, LOW, false,
      "The package names no source repository, or one whose name does not match the package.",
      "Malicious packages rarely link to real source; a mismatched link borrows someone's reputation.",
      "Find the package's source and compare it with the published files.");
  public static final MetadataRule NO_README = new MetadataRule("metadata/no-readme",
      "No README or description", Severity.LOW, LOW, false,
      "The package has neither a README nor a description.",
      "Packages made only to deliver malware seldom bother with documentation.",
      "Make sure this is the package you meant.");
  public static final MetadataRule SECURITY_HOLDING = new MetadataRule("metadata/security-holding",
      "Removed for security (holding package)", Severity.CRITICAL, HIGH, true,
      "The registry replaced this package with a security placeholder.",
      "Registries do this after removing a malicious package; the name was used for an attack.",
      "Remove it from your dependencies and check machines where it was installed.");
  public static final MetadataRule NEW_INSTALL_SCRIPT = new MetadataRule("metadata/new-install-script",
      "Install script added in this version", Severity.HIGH, MEDIUM, true,
      "This version runs a script on install (preinstall, install, postinstall or prepare) that the previous version did not have.",
      "Most npm malware runs from an install hook added in a hijacked or new version.",
      "Read the script before installing; install with --ignore-scripts if you must.");
  public static final MetadataRule PROVENANCE_REGRESSION = new MetadataRule(
      "metadata/provenance-regression", "Lost provenance", Severity.HIGH, MEDIUM, true,
      "Earlier versions carried provenance attestations, this one does not.",
      "A version published from a stolen token, outside the project's CI, loses its provenance.",
      "Stay on the last attested version until the maintainers explain the change.");
  public static final MetadataRule DEPENDENCY_CONFUSION = new MetadataRule(
      "metadata/dependency-confusion", "Dependency-confusion shape", Severity.HIGH, MEDIUM, true,
      "The name matches one of your private scopes or indexes but is served by a public registry,"
          + " or pip merges several indexes.",
      "Attackers publish internal package names on public registries with a higher version.",
      "Scope internal packages to the private registry only (scope registries, --index-url only).");

  public static List<MetadataRule> all() {
    return List.of(TYPOSQUAT, YOUNG_VERSION, FIRST_RELEASE, DORMANT, BURST, NEW_MAINTAINER,
        SINGLE_MAINTAINER, NO_REPOSITORY, NO_README, SECURITY_HOLDING, NEW_INSTALL_SCRIPT,
        PROVENANCE_REGRESSION, DEPENDENCY_CONFUSION);
  }
}
