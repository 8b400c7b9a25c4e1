package dev.bulwark.sweep;

import java.util.List;

/**
 * The result of one sweep.
 *
 * @param home the home folder that was swept
 * @param root the file-system root that was swept
 * @param indicators evidence, sorted; confirmed ones make the verdict "compromised", suspicious
 *     ones alone make it "suspicious"
 * @param exposures secrets present on the machine, sorted by rotation priority
 * @param remediation the numbered checklist, in order
 * @param stats what was visited
 * @param notes problems and limits met (unreadable IOC lines, budgets spent), sorted
 */
public record SweepReport(
    String home, String root, List<Indicator> indicators, List<Exposure> exposures, List<String> remediation,
    Stats stats, List<String> notes) {

  /**
   * @param filesVisited folder entries looked at
   * @param unreadable files and folders that could not be read (skipped silently)
   * @param refused accesses refused because they left the allowed roots
   * @param packagesChecked installed or cached packages matched against advisories and IOCs
   * @param incomplete true when a budget ran out or the advisory lookup failed
   * @param millis wall time of the sweep
   */
  public record Stats(int filesVisited, int unreadable, int refused, int packagesChecked,
      boolean incomplete, long millis) {}

  public SweepReport {
    java.util.Objects.requireNonNull(home, "home");
    java.util.Objects.requireNonNull(root, "root");
    indicators = List.copyOf(indicators);
    exposures = List.copyOf(exposures);
    remediation = List.copyOf(remediation);
    notes = List.copyOf(notes);
  }

  /** True when at least one confirmed indicator was found. */
  public boolean compromised() {
    return indicators.stream().anyMatch(Indicator::strong);
  }

  /** True when only suspicious evidence was found (something to check, not a compromise). */
  public boolean suspicious() {
    return !compromised() && !indicators.isEmpty();
  }

  /** {@code compromised}, {@code suspicious} or {@code clean}. */
  public String verdict() {
    return compromised() ? "compromised" : suspicious() ? "suspicious" : "clean";
  }
}
