package dev.bulwark.audit;

import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import java.util.ArrayList;
import java.util.List;

/** Finds the advisories that apply to one dependency. Implementations must be thread-safe. */
@FunctionalInterface
public interface AdvisoryLookup {
  /** The merged findings for this dependency, or an empty list. */
  List<AuditFinding> lookup(Dependency dependency) throws LookupException;

  /**
   * The findings of each dependency, in order: the same answers as {@link #lookup} for each, which
   * is what this default does; a database lookup answers many in fewer queries.
   */
  default List<List<AuditFinding>> lookupAll(List<Dependency> dependencies) throws LookupException {
    List<List<AuditFinding>> out = new ArrayList<>(dependencies.size());
    for (Dependency d : dependencies) {
      out.add(lookup(d));
    }
    return out;
  }

  /** The advisory database could not be read. */
  final class LookupException extends Exception {
    private static final long serialVersionUID = 1L;

    public LookupException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
