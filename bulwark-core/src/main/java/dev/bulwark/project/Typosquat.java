package dev.bulwark.project;

import dev.bulwark.model.Ecosystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether a dependency name imitates a popular package's: one or two edits away
 * (Damerau–Levenshtein, scaled by length), the same name with other separators, or a popular
 * name with an official-sounding affix ("-sdk", "py-"). A name that is itself on the popular
 * lists is never reported. Data: resources dev/bulwark/popular (see SOURCES.md there).
 */
public final class Typosquat {
  /** How many names at the top of each list are worth imitating. */
  static final int TARGETS = 3_000;
  /** Affixes only count next to the most popular names. */
  private static final int AFFIX_TARGETS = 1_000;
  private static final List<String> SUFFIXES = List.of("-sdk", "-validator", "-validate", "-utils",
      "-util", "-config", "-js", ".js", "js", "-helper", "-helpers", "-api", "-lib", "-core",
      "-tools", "-dev", "-plus", "-pro");
  private static final List<String> PREFIXES = List.of("py-", "python-", "py", "node-", "js-",
      "get-", "the-");

  /**
   * A name that looks like a popular one.
   *
   * @param strong one edit or a separator change away from one of the 500 most popular names:
   *     the shape of real typosquats, and rare among honest names
   */
  public record Match(String name, String looksLike, String how, boolean strong) {}

  private static final int STRONG_TARGETS = 500;

  private final List<String> npmTargets;
  private final List<String> pypiTargets;
  private final Set<String> known = new HashSet<>();

  Typosquat(List<String> npm, List<String> pypi) {
    npm.forEach(n -> known.add("npm:" + normalize(Ecosystem.NPM, n)));
    pypi.forEach(n -> known.add("pypi:" + normalize(Ecosystem.PYPI, n)));
    this.npmTargets = npm.subList(0, Math.min(TARGETS, npm.size())).stream()
        .map(n -> normalize(Ecosystem.NPM, n)).toList();
    this.pypiTargets = pypi.subList(0, Math.min(TARGETS, pypi.size())).stream()
        .map(n -> normalize(Ecosystem.PYPI, n)).toList();
  }

  private static final class Holder {
    static final Typosquat BUILTIN = new Typosquat(load("npm.txt"), load("pypi.txt"));
  }

  /** The check with the bundled popular-name snapshot. */
  public static Typosquat builtin() {
    return Holder.BUILTIN;
  }

  static List<String> load(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Typosquat.class.getResourceAsStream("/dev/bulwark/popular/" + resource)) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isBlank()) {
          out.add(l.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** npm names compare in lower case; PyPI names as PEP 503 normalises them. */
  static String normalize(Ecosystem eco, String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (eco != Ecosystem.PYPI) {
      return n;
    }
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean sep = c == '-' || c == '_' || c == '.';
      if (!sep) {
        b.append(c);
      } else if (b.length() == 0 || b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    return b.toString();
  }

  public boolean isPopular(Ecosystem eco, String name) {
    return known.contains(key(eco) + normalize(eco, name));
  }

  public Optional<Match> check(Ecosystem eco, String name) {
    return check(eco, name, "");
  }

  /** As {@link #check(Ecosystem, String)}, pretending {@code ignore} is not popular (self-test). */
  Optional<Match> check(Ecosystem eco, String name, String ignore) {
    if (eco != Ecosystem.NPM && eco != Ecosystem.PYPI) {
      return Optional.empty();
    }
    String n = normalize(eco, name);
    if (n.length() < 4 || !n.equals(ignore) && known.contains(key(eco) + n)) {
      return Optional.empty();
    }
    List<String> targets = eco == Ecosystem.NPM ? npmTargets : pypiTargets;
    String squashed = squash(n);
    for (int i = 0; i < targets.size(); i++) {
      String t = targets.get(i);
      if (t.equals(n)) {
        continue;
      }
      if (squashed.equals(squash(t))) {
        return Optional.of(new Match(name, t, "the same name with different separators",
            i < STRONG_TARGETS));
      }
      int allowed = n.length() >= 10 && t.length() >= 10 ? 2 : n.length() >= 5 ? 1 : 0;
      if (allowed > 0 && Math.abs(t.length() - n.length()) <= allowed
          && sameScope(n, t) && !benignDifference(n, t) && distance(n, t, allowed) <= allowed) {
        int d = distance(n, t, allowed);
        return Optional.of(new Match(name, t, "differs by " + d
            + (d == 1 ? " character" : " characters"), d == 1 && i < STRONG_TARGETS));
      }
      if (i < AFFIX_TARGETS && t.length() >= 4 && !n.startsWith("@")) {
        Optional<String> affix = affix(n, t);
        if (affix.isPresent()) {
          return Optional.of(new Match(name, t, "adds \"" + affix.get() + "\" to it", false));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> affix(String n, String t) {
    for (String s : SUFFIXES) {
      if (n.equals(t + s)) {
        return Optional.of(s);
      }
    }
    for (String p : PREFIXES) {
      if (n.equals(p + t)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Differences that popular names show among themselves far more often than squatters do
   * (measured with the self-test): a sibling in a family ("mypy-boto3-s3"/"-sqs", "css-loader"/
   * "less-loader"), a version digit ("duplexer3"), a plural or an extra letter at either end of a
   * short name ("cookies", "archy"), and another first letter of a short name ("mpath"/"upath").
   */
  static boolean benignDifference(String n, String t) {
    String[] a = n.split("[-_./]");
    String[] b = t.split("[-_./]");
    if (a.length == b.length && a.length > 1) {
      int diff = -1;
      for (int i = 0; i < a.length; i++) {
        if (!a[i].equals(b[i])) {
          if (diff >= 0) {
            return false;
          }
          diff = i;
        }
      }
      if (diff >= 0 && a[diff].length() <= 4 && b[diff].length() <= 4
          && !sorted(a[diff]).equals(sorted(b[diff]))) {
        return true;
      }
    }
    String longer = n.length() >= t.length() ? n : t;
    String shorter = n.length() >= t.length() ? t : n;
    if (longer.startsWith(shorter) && longer.substring(shorter.length()).chars()
        .allMatch(c -> Character.isDigit(c) || c == '-' || c == '.' || c == '_')) {
      return true;
    }
    boolean doubled = longer.length() == shorter.length() + 1
        && (longer.startsWith(shorter) && longer.charAt(shorter.length()) == shorter.charAt(shorter.length() - 1)
            || longer.endsWith(shorter) && longer.charAt(0) == shorter.charAt(0));
    return shorter.length() < 8 && !doubled && (longer.startsWith(shorter)
        || longer.endsWith(shorter)
        || n.length() == t.length() && n.substring(1).equals(t.substring(1)));
  }

  private static String sorted(String s) {
    char[] c = s.toCharArray();
    java.util.Arrays.sort(c);
    return new String(c);
  }

  /**
   * Both scoped or both unscoped, and not two names under one scope: an npm scope belongs to one
   * user or organisation, so only the owner of {@code @types} or {@code @tsconfig} can publish
   * {@code @types/qunit} beside {@code @types/unist}. Another scope ({@code @typse/node}) still
   * compares.
   */
  private static boolean sameScope(String a, String b) {
    if (a.startsWith("@") != b.startsWith("@")) {
      return false;
    }
    return !a.startsWith("@") || !scope(a).equals(scope(b));
  }

  private static String scope(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  private static String key(Ecosystem eco) {
    return eco == Ecosystem.NPM ? "npm:" : "pypi:";
  }

  private static String squash(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Optimal-string-alignment Damerau–Levenshtein distance, stopping early once every cell of a
   * row exceeds {@code max}. Hand-written: a few lines, and no library in the stack has it.
   */
  static int distance(String a, String b, int max) {
    int[] prev2 = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
