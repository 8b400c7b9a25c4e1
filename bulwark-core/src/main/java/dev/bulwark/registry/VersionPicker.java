package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.InvalidVersionException;
import dev.bulwark.version.VersionRange;
import dev.bulwark.version.VersionScheme;
import java.util.Optional;

/** Picks the version a target means: the latest, a tag, an exact version or the best in a range. */
final class VersionPicker {
  private VersionPicker() {}

  static Optional<Release> pick(PackageHistory h, String spec) throws RegistryException {
    String s = spec.strip();
    if (s.isEmpty() || s.equals("latest")) {
      return h.release(h.latest()).or(() -> best(h, null));
    }
    if (h.distTags().containsKey(s)) {
      return h.release(h.distTags().get(s));
    }
    String exact = h.ecosystem() == Ecosystem.PYPI && s.startsWith("==") && !s.contains(",")
        ? s.substring(2).strip() : s;
    VersionScheme scheme = VersionScheme.of(h.ecosystem());
    for (Release r : h.releases()) {
      if (r.version().equals(exact) || scheme.isValid(exact) && scheme.isValid(r.version())
          && scheme.compare(r.version(), exact) == 0) {
        return Optional.of(r);
      }
    }
    try {
      return best(h, scheme.parseRange(s));
    } catch (InvalidVersionException e) {
      throw new RegistryException("invalid version or range '" + spec + "': " + e.getMessage());
    }
  }

  private static Optional<Release> best(PackageHistory h, VersionRange range) {
    VersionScheme scheme = VersionScheme.of(h.ecosystem());
    Release best = null;
    for (Release r : h.releases()) {
      if ((range == null || range.contains(r.version()))
          && (best == null || scheme.compare(r.version(), best.version()) > 0)) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }
}
