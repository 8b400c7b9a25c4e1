package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.rules.Explanation;
import dev.bulwark.analysis.rules.Reference;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Builds heuristic metadata compactly; "T1027" style strings become MITRE references. */
final class Meta {
  private Meta() {}

  static RuleMeta of(String id, String title, Severity sev, Confidence conf, Category cat,
      boolean threat, String message, String what, String why, String action, String... refs) {
    List<Reference> r = new ArrayList<>();
    for (String s : refs) {
      r.add(s.startsWith("http") ? new Reference("url", s) : new Reference("mitre", s));
    }
    return new RuleMeta(id, title, sev, conf, cat, threat, message, new Explanation(what, why, action), r);
  }
}
