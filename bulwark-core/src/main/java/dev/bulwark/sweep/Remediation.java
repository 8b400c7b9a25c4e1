package dev.bulwark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The numbered checklist: what to do, in order, given what was found and what was exposed. */
final class Remediation {
  private Remediation() {}

  static List<String> steps(List<Indicator> indicators, List<Exposure> exposures) {
    boolean compromised = indicators.stream().anyMatch(Indicator::strong);
    List<String> out = new ArrayList<>();
    if (!compromised) {
      if (!indicators.isEmpty()) {
        out.add("Look at each suspicious item above; if you cannot explain one, treat the machine"
            + " as compromised and run the full checklist (bulwark sweep explains it in docs/sweep.md).");
      }
      out.add("No known indicators is not proof of safety: if you ran an untrusted project, keep"
          + " watching for new logins and rotate the secrets below if in doubt.");
      return out;
    }
    out.add("Disconnect this machine from the network now (unplug or turn off Wi-Fi). Do not log"
        + " in to anything else from it.");
    out.add("From a different, clean device, rotate the secrets below in this order:");
    Map<String, String> seen = new LinkedHashMap<>();
    for (Exposure e : exposures.stream().sorted().toList()) {
      seen.putIfAbsent(e.secretClass(), e.rotate());
    }
    seen.forEach((cls, how) -> out.add("  rotate " + cls + ": " + how));
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
