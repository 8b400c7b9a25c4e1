package dev.bulwark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The numbered checklist: what to do, in order, given what was found and what was exposed. */
final class Remediation {
  private Remediation() {}

  /** What to rotate when no secret file was found but the user is in doubt. */
  static final String IF_IN_DOUBT = "your Git host tokens and SSH keys, npm and PyPI tokens, cloud"
      + " and CI credentials, passwords saved in browsers, and crypto wallet keys";

  static List<String> steps(List<Indicator> indicators, List<Exposure> exposures) {
    boolean compromised = indicators.stream().anyMatch(Indicator::strong);
    List<String> out = new ArrayList<>();
    if (!compromised) {
      if (!indicators.isEmpty()) {
        out.add("Check each suspicious item above as its text says (these are heuristics, not"
            + " known indicators; nothing here says the machine is compromised). If you cannot"
            + " explain one, treat the machine as compromised and follow docs/sweep.md.");
      }
      out.add("No known indicators is not proof of safety: if you ran an untrusted project, keep"
          + " watching for new logins and, if in doubt, rotate "
          + (exposures.isEmpty() ? "(no secret files were found here) " + IF_IN_DOUBT + "."
              : "the secrets listed above."));
      return out;
    }
    out.add("Disconnect this machine from the network now (unplug or turn off Wi-Fi). Do not log"
        + " in to anything else from it.");
    Map<String, String> seen = new LinkedHashMap<>();
    for (Exposure e : exposures.stream().sorted().toList()) {
      seen.putIfAbsent(e.secretClass(), e.rotate());
    }
    if (seen.isEmpty()) {
      // Never promise a list that is empty: say none was found, and what to rotate anyway.
      out.add("From a different, clean device, rotate your secrets: no secret files were found on"
          + " this machine, but a stealer may have taken what was in memory or in places not"
          + " looked at, so rotate " + IF_IN_DOUBT + ".");
    } else {
      out.add("From a different, clean device, rotate the secrets found on this machine, in this"
          + " order:");
      seen.forEach((cls, how) -> out.add("  rotate " + cls + ": " + how));
    }
    if (seen.containsKey("crypto-wallet")) {
      out.add("Move wallet funds to a new wallet created on a clean device, before anything else"
          + " if the balance matters.");
    }
    out.add("Reinstall the operating system (a backdoor such as InvisibleFerret gives remote"
        + " control; removing files is not enough). Restore only data, not programs or dot-folders.");
    out.add("Report it: to your security team or employer, to the platform the lure came from"
        + " (job site, Git host), and to the package registry for any malicious package found.");
    return out;
  }
}
