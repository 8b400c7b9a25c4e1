package dev.bulwark.audit;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryException;
import dev.bulwark.advisory.AdvisoryMatch;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import java.util.ArrayList;
import java.util.List;

/** Looks dependencies up in the local OSV database. */
public final class OsvLookup implements AdvisoryLookup {
  private final AdvisoryDatabase db;

  public OsvLookup(AdvisoryDatabase db) {
    this.db = db;
  }

  @Override
  public List<AuditFinding> lookup(Dependency d) throws LookupException {
    List<AdvisoryMatch> matches;
    try {
      matches = db.match(d);
    } catch (AdvisoryException e) {
      throw new LookupException(e.getMessage(), e);
    }
    return findings(d, matches);
  }

  @Override
  public List<List<AuditFinding>> lookupAll(List<Dependency> deps) throws LookupException {
    List<List<AdvisoryMatch>> matches;
    try {
      matches = db.matchAll(deps, false);
    } catch (AdvisoryException e) {
      throw new LookupException(e.getMessage(), e);
    }
    List<List<AuditFinding>> out = new ArrayList<>(deps.size());
    for (int i = 0; i < deps.size(); i++) {
      out.add(findings(deps.get(i), matches.get(i)));
    }
    return out;
  }

  private static List<AuditFinding> findings(Dependency d, List<AdvisoryMatch> matches) {
    List<AuditFinding> out = new ArrayList<>(matches.size());
    for (AdvisoryMatch m : matches) {
      out.add(new AuditFinding(m.id(), m.aliases(),
          m.malicious() ? AdvisoryKind.MALICIOUS : AdvisoryKind.VULNERABILITY,
          m.severity(), m.cvssScore(), m.summary(), d, m.fixedVersions(), m.unpinned(),
          m.references()));
    }
    return out;
  }
}
