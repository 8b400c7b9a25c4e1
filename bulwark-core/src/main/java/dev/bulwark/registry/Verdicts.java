package dev.bulwark.registry;

import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * Combines metadata, code and advisories into one verdict. Malicious: a malicious advisory (also
 * when the registry could not be asked), a malicious code verdict or a security holding package.
 * Suspicious: a suspicious code verdict, a threat signal in the metadata, a medium-or-worse signal
 * of medium confidence, or an integrity mismatch. Unknown: none of those, but the check could not
 * complete (any problem). Everything else is clean; known vulnerabilities only change the
 * recommendation.
 */
final class Verdicts {
  private Verdicts() {}

  static CheckResult decide(CheckTarget t, String version, String didYouMean, List<Finding> meta,
      Optional<ScanResult> code, List<AuditFinding> adv, List<Problem> problems) {
    String pkg = t.ecosystem().name().toLowerCase(Locale.ROOT) + ":" + t.name()
        + (version.isEmpty() ? "" : (t.ecosystem() == dev.bulwark.model.Ecosystem.NPM ? "@" : "==") + version);
    Optional<AuditFinding> malAdv = adv.stream().filter(a -> a.kind() == AdvisoryKind.MALICIOUS).findFirst();
    Optional<Finding> holding = meta.stream()
        .filter(f -> f.ruleId().equals(MetadataRules.SECURITY_HOLDING.id())).findFirst();
    Verdict codeVerdict = code.map(ScanResult::verdict).orElse(Verdict.CLEAN);
    Optional<Finding> strong = meta.stream().filter(f -> f.threat()
        || f.severity().atLeast(Severity.MEDIUM) && f.confidence() != Confidence.LOW).findFirst();
    boolean integrity = problems.stream().anyMatch(p -> p.code().equals("integrity-mismatch"));
    CheckVerdict v;
    String reason;
    String why = problems.stream().sorted().findFirst().map(Problem::message).orElse("");
    if (malAdv.isPresent()) {
      v = CheckVerdict.MALICIOUS;
      reason = "known malicious package (" + malAdv.get().id() + ")"
          + (version.isEmpty() && !why.isEmpty() ? "; the registry could not be checked (" + why + ")." : ".");
    } else if (codeVerdict == Verdict.MALICIOUS) {
      v = CheckVerdict.MALICIOUS;
      reason = "its code is malicious: " + code.get().reason();
    } else if (holding.isPresent()) {
      v = CheckVerdict.MALICIOUS;
      reason = holding.get().message();
    } else if (codeVerdict == Verdict.SUSPICIOUS) {
      v = CheckVerdict.SUSPICIOUS;
      reason = "its code is suspicious: " + code.get().reason();
    } else if (strong.isPresent()) {
      v = CheckVerdict.SUSPICIOUS;
      reason = strong.get().message();
    } else if (integrity) {
      v = CheckVerdict.SUSPICIOUS;
      reason = "the download does not match the registry's integrity hash.";
    } else if (!problems.isEmpty()) {
      v = CheckVerdict.UNKNOWN;
      reason = "the check could not complete: " + why
          + (adv.isEmpty() ? "; no advisory names this package." : "; no malicious advisory names this package.");
    } else {
      v = CheckVerdict.CLEAN;
      reason = "no sign of malice in metadata or code.";
    }
    String hint = didYouMean.isEmpty() ? "" : " Did you mean `" + didYouMean + "`?";
    String rec = switch (v) {
      case MALICIOUS -> "Do not install " + pkg + "." + hint;
      case SUSPICIOUS -> "Review " + pkg + " before installing it." + hint;
      case UNKNOWN -> "Do not install " + pkg + " until it can be checked: retry later, check the"
          + " registry settings, or review the package yourself." + hint;
      case CLEAN -> adv.isEmpty() ? "No malicious signs found in " + pkg + "."
          : "No malicious signs, but " + pkg + " has " + adv.size() + " known vulnerability(ies); prefer a fixed version.";
    };
    return new CheckResult(t.text(), t.ecosystem(), t.name(), version, v, reason, rec, didYouMean,
        meta, code, adv, problems.stream().sorted().toList());
  }
}
