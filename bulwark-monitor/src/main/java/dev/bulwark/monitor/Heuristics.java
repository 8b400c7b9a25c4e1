package dev.bulwark.monitor;

import dev.bulwark.model.Ecosystem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The monitor's own findings, each under a {@code monitor-} rule id: registry heuristics that
 * need no extra request, and the diff against the package's previous judged version.
 */
final class Heuristics {
  static final String INSTALL_SCRIPT = "install-script";
  static final String NETWORK = "network";
  static final String PROCESS = "process";
  static final String OBFUSCATION = "obfuscation";
  static final int RAISED_SCORE = 40;

  static final String NO_INTEGRITY = "monitor-no-integrity";
  static final String FOREIGN_HOST = "monitor-artifact-foreign-host";
  static final String NEW_INSTALL_SCRIPT = "monitor-diff-new-install-script";
  static final String NEW_NETWORK = "monitor-diff-new-network";
  static final String NEW_PROCESS = "monitor-diff-new-process";
  static final String NEW_OBFUSCATION = "monitor-diff-new-obfuscation";

  private final Set<String> registryHosts;

  Heuristics(Set<String> registryHosts) {
    this.registryHosts = Set.copyOf(registryHosts.stream()
        .map(h -> h.toLowerCase(Locale.ROOT)).toList());
  }

  List<VerdictFinding> findings(VersionEvent e, Set<String> traits,
      Optional<VerdictRecord> previous) {
    List<VerdictFinding> out = new ArrayList<>();
    String alg = e.expected().algorithm();
    if (alg.equals("none") || alg.equals("sha1")) {
      out.add(new VerdictFinding(NO_INTEGRITY, "low", "", 0, "The registry announced "
          + (alg.equals("none") ? "no hash" : "only a SHA-1 hash")
          + " for this artifact, so its bytes cannot be tied to what was published."));
    }
    if (e.key().ecosystem() == Ecosystem.NPM && !registryHosts.isEmpty()) {
      String host = host(e.artifactUrl());
      if (!host.isEmpty() && !registryHosts.contains(host)) {
        out.add(new VerdictFinding(FOREIGN_HOST, "medium", "", 0, "The tarball is served from "
            + host + ", not from the registry."));
      }
    }
    if (previous.isPresent()) {
      Set<String> before = previous.get().traits();
      String pv = previous.get().key().version();
      add(out, traits, before, INSTALL_SCRIPT, NEW_INSTALL_SCRIPT, "high",
          "an install script, which version " + pv + " did not have");
      add(out, traits, before, NETWORK, NEW_NETWORK, "medium",
          "network code, which version " + pv + " did not have");
      add(out, traits, before, PROCESS, NEW_PROCESS, "medium",
          "code that runs processes or evaluates code, which version " + pv + " did not have");
      add(out, traits, before, OBFUSCATION, NEW_OBFUSCATION, "medium",
          "obfuscated code, which version " + pv + " did not have");
    }
    return out;
  }

  private static void add(List<VerdictFinding> out, Set<String> now, Set<String> before,
      String trait, String rule, String severity, String what) {
    if (now.contains(trait) && !before.contains(trait)) {
      out.add(new VerdictFinding(rule, severity, "", 0, "This version adds " + what + "."));
    }
  }

  /**
   * A new install script, or new network code together with new process code, raises a clean
   * verdict to suspicious: the shape of a hijacked maintainer account publishing a payload.
   */
  static boolean raises(List<VerdictFinding> own) {
    return own.stream().anyMatch(Heuristics::raising)
        || own.stream().anyMatch(f -> f.ruleId().equals(NEW_NETWORK))
            && own.stream().anyMatch(f -> f.ruleId().equals(NEW_PROCESS));
  }

  static boolean raising(VerdictFinding f) {
    return f.ruleId().equals(NEW_INSTALL_SCRIPT) || f.ruleId().equals(NEW_NETWORK)
        || f.ruleId().equals(NEW_PROCESS);
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
