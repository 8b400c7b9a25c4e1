package dev.bulwark.advisory;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.Interval;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates OSV range events as the OSV schema describes them: sort the events by version
 * ("introduced: 0" sorts first), walk them in order, a version is affected from an
 * {@code introduced} event up to (excluding) the next {@code fixed}, or up to (including) the next
 * {@code last_affected}; {@code limit} events cap the whole range (below the highest limit; "*" is
 * no cap). The walk is turned into intervals so that exact versions (containment) and manifest
 * ranges (overlap) are answered by the same data.
 */
final class RangeEvaluator {
  private final Function<Ecosystem, VersionScheme> schemes;

  RangeEvaluator(Function<Ecosystem, VersionScheme> schemes) {
    this.schemes = schemes;
  }

  /** The scheme a range is compared with: npm SemVer for SEMVER ranges, else the ecosystem's. */
  VersionScheme schemeFor(OsvRange range, Ecosystem ecosystem) {
    return schemes.apply(range.type().equals(OsvRange.SEMVER) ? Ecosystem.NPM : ecosystem);
  }

  VersionScheme schemeOf(Ecosystem ecosystem) {
    return schemes.apply(ecosystem);
  }

  /** The affected intervals of one range, in event order. */
  static List<Interval> intervals(OsvRange range, VersionScheme scheme) {
    List<OsvEvent> events = new ArrayList<>(range.events());
    events.sort(eventOrder(scheme));
    List<Interval> out = new ArrayList<>();
    String limit = "";
    boolean anyLimit = false;
    boolean open = false;
    String lower = "";
    for (OsvEvent e : events) {
      switch (e.type()) {
        case INTRODUCED -> {
          if (!open) {
            open = true;
            lower = isZero(e.version()) ? "" : e.version();
          }
        }
        case FIXED, LAST_AFFECTED -> {
          if (open) {
            out.add(new Interval(lower, !lower.isEmpty(), e.version(), e.type() == OsvEvent.Type.LAST_AFFECTED));
            open = false;
          }
        }
        case LIMIT -> {
          anyLimit = true;
          if (!limit.equals("*") && (e.version().equals("*") || limit.isEmpty() || scheme.compare(e.version(), limit) > 0)) {
            limit = e.version();
          }
        }
      }
    }
    if (open) {
      out.add(new Interval(lower, !lower.isEmpty(), "", false));
    }
    return anyLimit && !limit.equals("*") ? capped(out, limit, scheme) : out;
  }

  /** The fixed versions a range names. */
  static List<String> fixedVersions(OsvRange range) {
    List<String> out = new ArrayList<>();
    for (OsvEvent e : range.events()) {
      if (e.type() == OsvEvent.Type.FIXED) {
        out.add(e.version());
      }
    }
    return out;
  }

  private static List<Interval> capped(List<Interval> in, String limit, VersionScheme scheme) {
    List<Interval> out = new ArrayList<>();
    Interval below = new Interval("", false, limit, false);
    for (Interval i : in) {
      if (!i.overlaps(below, scheme)) {
        continue;
      }
      boolean keepUpper = !i.upper().isEmpty() && scheme.compare(i.upper(), limit) < 0;
      out.add(keepUpper ? i : new Interval(i.lower(), i.lowerInclusive(), limit, false));
    }
    return out;
  }

  private static Comparator<OsvEvent> eventOrder(VersionScheme scheme) {
    return (a, b) -> {
      boolean az = a.type() == OsvEvent.Type.INTRODUCED && isZero(a.version());
      boolean bz = b.type() == OsvEvent.Type.INTRODUCED && isZero(b.version());
      if (az || bz) {
        return az && bz ? 0 : az ? -1 : 1;
      }
      if (a.version().equals("*") || b.version().equals("*")) {
        return Boolean.compare(a.version().equals("*"), b.version().equals("*"));
      }
      int c = scheme.compare(a.version(), b.version());
      return c != 0 ? c : a.type().compareTo(b.type());
    };
  }

  private static boolean isZero(String v) {
    return v.equals("0");
  }
}
