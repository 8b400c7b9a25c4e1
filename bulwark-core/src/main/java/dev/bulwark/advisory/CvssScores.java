package dev.bulwark.advisory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;

/**
 * CVSS base scores of v3.0, v3.1 and v4.0 vector strings, computed by the cvss-calculator library
 * (which implements the FIRST formulas, including the v4.0 macro-vector lookup). This class only
 * guards the input: bounded length, the version prefix, and no metric given twice (the library
 * lets a later duplicate win silently).
 */
public final class CvssScores {
  private static final int MAX_VECTOR_LENGTH = 256;
  private static final int MAX_CACHED = 50_000;

  // Real data repeats a few thousand distinct vectors across hundreds of thousands of records.
  private static final Map<String, OptionalDouble> CACHE = new ConcurrentHashMap<>();

  private CvssScores() {}

  /** The base score of a CVSS v3.x or v4.0 vector, or empty when it is not one or is malformed. */
  public static OptionalDouble baseScore(String vector) {
    OptionalDouble cached = CACHE.get(vector);
    if (cached != null) {
      return cached;
    }
    OptionalDouble score = compute(vector.trim());
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(vector, score);
    }
    return score;
  }

  private static OptionalDouble compute(String v) {
    if (v.length() > MAX_VECTOR_LENGTH || !hasSupportedPrefix(v) || hasDuplicateMetric(v)) {
      return OptionalDouble.empty();
    }
    try {
      Cvss cvss = Cvss.fromVector(v);
      if (cvss == null || cvss instanceof CvssV2) {
        return OptionalDouble.empty();
      }
      double score = cvss.calculateScore().getBaseScore();
      if (Double.isNaN(score) || score < 0 || score > 10) {
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(score);
    } catch (RuntimeException e) {
      // MalformedVectorException and parse errors of unknown metric values.
      return OptionalDouble.empty();
    }
  }

  private static boolean hasSupportedPrefix(String v) {
    String u = v.toUpperCase(Locale.ROOT);
    return u.startsWith("CVSS:3.0/") || u.startsWith("CVSS:3.1/") || u.startsWith("CVSS:4.0/");
  }

  private static boolean hasDuplicateMetric(String v) {
    Set<String> seen = new HashSet<>();
    for (String part : v.split("/", -1)) {
      int colon = part.indexOf(':');
      if (colon <= 0 || !seen.add(part.substring(0, colon))) {
        return true;
      }
    }
    return false;
  }
}
