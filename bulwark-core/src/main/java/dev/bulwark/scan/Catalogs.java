package dev.bulwark.scan;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.RuleInfo;
import dev.bulwark.analysis.rules.Explanation;
import dev.bulwark.analysis.rules.Reference;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.analysis.ioc.IocFindings;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import dev.bulwark.artifact.ReaderFindingRule;
import dev.bulwark.artifact.ReaderFindingRules;
import dev.bulwark.project.ProjectRule;
import dev.bulwark.project.ProjectRules;
import dev.bulwark.report.RuleText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the full rule catalog (YAML rules, heuristics, reader and project checks) and its texts. */
public final class Catalogs {
  private Catalogs() {}

  /** Built-in rules plus each user folder; invalid user rules are in {@link RuleCatalog#errors()}. */
  public static RuleCatalog load(List<Path> userRuleDirs) {
    RuleCatalog c = RuleCatalog.builtin();
    for (Path d : userRuleDirs) {
      c = c.withUserRules(d);
    }
    List<RuleMeta> extra = new ArrayList<>();
    for (ReaderFindingRule r : ReaderFindingRules.all()) {
      extra.add(new RuleMeta(r.id(), r.title(), r.severity(), r.confidence(), r.category(),
          r.threat(), r.title(), new Explanation(r.what(), r.why(), r.action()), List.of()));
    }
    for (ProjectRule r : ProjectRules.all()) {
      List<Reference> refs = new ArrayList<>();
      for (String s : r.references()) {
        refs.add(s.startsWith("http") ? new Reference("url", s) : new Reference("mitre", s));
      }
      extra.add(new RuleMeta(r.id(), r.title(), r.severity(), r.confidence(), r.category(),
          r.threat(), r.title(), new Explanation(r.what(), r.why(), r.action()), refs));
    }
    extra.add(new RuleMeta(IocFindings.RULE_ID, "Matches a published indicator of compromise",
        Severity.CRITICAL, Confidence.HIGH, Category.SUSPICIOUS_NETWORK, true,
        "Matches a published indicator of compromise.", new Explanation(
            "The package contains a server address, URL or file hash, or is a package version, that"
                + " public threat reports list as part of a malware campaign (the IOC feed that ships"
                + " with Bulwark, plus any feed you add).",
            "Malware reuses its servers and files across packages; a known indicator is strong"
                + " evidence that this code belongs to the same campaign.",
            "Treat the package as malicious: do not install or run it. If it ran, disconnect the"
                + " machine, run `bulwark sweep` and rotate credentials from a clean device."),
        List.of(new Reference("mitre", "T1071"))));
    return c.withReaderRules(extra);
  }

  /** Explanations by rule id, for reports. */
  public static RuleText.Source texts(RuleCatalog catalog) {
    Map<String, RuleText> byId = new HashMap<>();
    for (RuleInfo i : catalog.list()) {
      RuleMeta m = i.meta();
      List<String> refs = m.references().stream()
          .map(r -> r.kind().equals("mitre") ? "MITRE ATT&CK " + r.value() : r.value()).toList();
      byId.put(m.id(), new RuleText(m.id(), m.title(), m.explanation().what(),
          m.explanation().why(), m.explanation().action(), refs));
    }
    return id -> Optional.ofNullable(byId.get(id));
  }
}
