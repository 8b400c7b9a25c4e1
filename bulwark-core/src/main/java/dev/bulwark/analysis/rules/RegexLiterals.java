package dev.bulwark.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a pre-filter from an RE2 pattern: a set of strings one of which must occur in any text
 * the pattern matches. Conservative by construction: it only uses literal runs and groups of
 * plain literal alternatives that are mandatory (not followed by ?, * or {0,…}) at the top level
 * of every top-level alternative; anything it does not understand breaks the run. Hand-written
 * because RE2/J does not expose its parse tree. Returns lower-cased strings (the pre-filter is
 * case-insensitive, which only widens it); empty when nothing safe of length ≥ 3 is found.
 */
final class RegexLiterals {
  private static final int MIN = 3;

  private RegexLiterals() {}

  static Set<String> derive(String re) {
    return derive(re, true);
  }

  /**
   * Like {@link #derive(String)}, but the strings keep their case: one of them occurs exactly in
   * any text the pattern matches. Empty when the pattern may ignore case anywhere ({@code (?i)}).
   * Used to narrow where a regex runs: a case-sensitive literal is often far rarer than its
   * lower-cased form ({@code Function} against {@code function}).
   */
  static Set<String> exact(String re, int flags) {
    if ((flags & com.google.re2j.Pattern.CASE_INSENSITIVE) != 0 || IGNORE_CASE.matcher(re).find()) {
      return Set.of();
    }
    return derive(re, false);
  }

  /** A flag group that may turn on case folding; an escaped "\\(?i" also counts (conservative). */
  private static final com.google.re2j.Pattern IGNORE_CASE =
      com.google.re2j.Pattern.compile("\\(\\?[a-zA-Z-]*i");

  private static Set<String> derive(String re, boolean lower) {
    List<String> branches = split(re, '|');
    if (branches == null) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (String b : branches) {
      Set<String> best = branch(b, lower);
      if (best.isEmpty()) {
        return Set.of();
      }
      out.addAll(best);
    }
    return out;
  }

  /** Most strings a run of alternatives may expand to ("(?:a|b)(?:c|d)" gives four). */
  private static final int MAX_ALTERNATIVES = 32;

  /** What RE2's {@code \\s} matches: {@code [\t\n\f\r ]}. */
  private static final Set<String> SPACE = Set.of(" ", "\t", "\n", "\f", "\r");

  /**
   * The best required set of one alternative: the one whose shortest string is longest. A run is
   * the set of strings the text matched so far must equal one of: literal characters extend every
   * string, a mandatory group of plain alternatives ("(?:rf|fr)") or a {@code \s} multiplies them
   * (up to {@link #MAX_ALTERNATIVES}), anything else ends the run.
   */
  private static Set<String> branch(String b, boolean lower) {
    Best best = new Best();
    Set<String> run = Set.of("");
    int i = 0;
    while (i < b.length()) {
      char c = b.charAt(i);
      int next;
      Set<String> group = null;
      Set<String> alts = null;
      if (c == '\\' && i + 1 < b.length()) {
        char e = b.charAt(i + 1);
        alts = e == 's' ? SPACE : Character.isLetterOrDigit(e) ? null : Set.of(String.valueOf(e));
        next = i + 2;
      } else if (c == '(') {
        int end = close(b, i);
        if (end < 0) {
          return Set.of();
        }
        alts = plainAlternatives(b.substring(i + 1, end));
        group = alts == null ? group(b.substring(i + 1, end), lower) : null;
        next = end + 1;
      } else if (c == '[') {
        next = classEnd(b, i);
        if (next < 0) {
          return Set.of();
        }
      } else if ("^$.".indexOf(c) >= 0) {
        next = i + 1;
      } else if ("?*+{".indexOf(c) >= 0) {
        next = i + 1;
        if (c == '{') {
          int end = b.indexOf('}', i);
          next = end < 0 ? b.length() : end + 1;
        }
      } else {
        alts = Set.of(String.valueOf(c));
        next = i + 1;
      }
      boolean optional = optionalAt(b, next);
      if (alts != null && !optional && alts.size() <= MAX_ALTERNATIVES) {
        if (run.size() * alts.size() > MAX_ALTERNATIVES) {
          best.offer(run, lower); // too many strings: a new run starts with this atom
          run = Set.of("");
        }
        run = product(run, alts);
        if (next < b.length() && b.charAt(next) == '+') {
          next++;
          // "a+" keeps one "a" in the run but nothing may follow it in the same run.
          best.offer(run, lower);
          run = Set.of("");
        }
      } else {
        best.offer(run, lower);
        run = Set.of("");
        if (group != null && !optional) {
          best.offer(group, false);
        } else if (alts != null && !optional) {
          best.offer(alts, lower);
        }
      }
      i = next;
    }
    best.offer(run, lower);
    return best.len >= MIN ? best.set : Set.of();
  }

  /** The best candidate so far: the set whose shortest string is longest. */
  private static final class Best {
    Set<String> set = Set.of();
    int len;

    void offer(Set<String> candidate, boolean lower) {
      int min = candidate.stream().mapToInt(String::length).min().orElse(0);
      if (min > len) {
        Set<String> out = new TreeSet<>();
        candidate.forEach(x -> out.add(cased(x, lower)));
        set = out;
        len = min;
      }
    }
  }

  private static Set<String> product(Set<String> run, Set<String> alts) {
    Set<String> out = new TreeSet<>();
    for (String r : run) {
      for (String a : alts) {
        out.add(r + a);
      }
    }
    return out;
  }

  /**
   * The exact strings a group can match when it is a plain alternation of literals ("(?:rf|fr)",
   * "(get|post)"), else null.
   */
  private static Set<String> plainAlternatives(String inner) {
    String body;
    if (inner.startsWith("?:")) {
      body = inner.substring(2);
    } else if (inner.startsWith("?")) {
      return null;
    } else {
      body = inner;
    }
    Set<String> out = new TreeSet<>();
    for (String alt : body.split("\\|", -1)) {
      StringBuilder lit = new StringBuilder();
      for (int k = 0; k < alt.length(); k++) {
        char c = alt.charAt(k);
        if (c == '\\' && k + 1 < alt.length() && !Character.isLetterOrDigit(alt.charAt(k + 1))) {
          lit.append(alt.charAt(++k));
        } else if ("\\()[]{}.*+?^$".indexOf(c) >= 0) {
          return null;
        } else {
          lit.append(c);
        }
      }
      if (lit.length() == 0) {
        return null;
      }
      out.add(lit.toString());
    }
    return out;
  }

  /** Whether the atom ending before {@code i} is made optional by a quantifier. */
  private static boolean optionalAt(String b, int i) {
    if (i >= b.length()) {
      return false;
    }
    char q = b.charAt(i);
    return q == '?' || q == '*' || (q == '{' && (b.startsWith("{0,", i) || b.startsWith("{0}", i)));
  }

  /** The required set of a group's content ("(curl|wget)", "(?:a\\.(?:com|net)|b)"), else null. */
  private static Set<String> group(String inner, boolean lower) {
    String body = inner;
    if (body.startsWith("?:")) {
      body = body.substring(2);
    } else if (body.startsWith("?")) {
      return null;
    }
    Set<String> s = derive(body, lower);
    return s.isEmpty() ? null : s;
  }

  private static String cased(String s, boolean lower) {
    return lower ? s.toLowerCase(java.util.Locale.ROOT) : s;
  }

  /** Splits at top-level {@code sep}; null when the pattern is unbalanced. */
  private static List<String> split(String re, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        int end = classEnd(re, i);
        if (end < 0) {
          return null;
        }
        i = end - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(re.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      return null;
    }
    out.add(re.substring(start));
    return out;
  }

  private static int close(String re, int open) {
    int depth = 0;
    for (int i = open; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        int end = classEnd(re, i);
        if (end < 0) {
          return -1;
        }
        i = end - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Index just after the character class starting at {@code i}, or -1. */
  private static int classEnd(String re, int i) {
    int j = i + 1;
    if (j < re.length() && re.charAt(j) == '^') {
      j++;
    }
    if (j < re.length() && re.charAt(j) == ']') {
      j++;
    }
    while (j < re.length() && re.charAt(j) != ']') {
      if (re.charAt(j) == '\\') {
        j++;
      } else if (re.charAt(j) == '[' && j + 1 < re.length() && re.charAt(j + 1) == ':') {
        int end = re.indexOf(":]", j + 2);
        if (end < 0) {
          return -1;
        }
        j = end + 1;
      }
      j++;
    }
    return j < re.length() ? j + 1 : -1;
  }
}
