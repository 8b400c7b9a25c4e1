package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds names that imitate a popular package: small edits (Damerau-Levenshtein, optimal string
 * alignment), separator and PEP 503 variants, homoglyphs ("rn"/"m", "l"/"1"/"I", Cyrillic
 * lookalikes), scope confusion ("@types/x" and "types-x") and affix combos ("x-utils", "py-x").
 * A popular name itself is never flagged, nor a pair on the allow list. Thread-safe and immutable.
 */
public final class Typosquats {
  /** How a name imitates the popular one. */
  public enum Kind { HOMOGLYPH, SEPARATOR, EDIT, SCOPE, COMBO }

  /** One suspected imitation: {@code name} looks like {@code popular}. */
  public record Squat(String name, String popular, Kind kind, int distance) {}

  private static final List<String> SUFFIXES = List.of("-sdk", "-validator", "-utils", "-util",
      "-config", "-js", "js", "-lib", "-api", "-core", "-cli", "-dev", "-plugin", "-helper", "-tools",
      "-py", "-python", "2", "3");
  private static final List<String> PREFIXES = List.of("py-", "py", "python-", "node-", "js-", "get-",
      "the-", "lib");

  /** Combos are only flagged against this many of the most popular names. */
  private static final int TOP_COMBO = 300;

  private final Map<Ecosystem, Map<String, Integer>> rank;
  private final Map<Ecosystem, Map<String, String>> bySkeleton;
  private final Set<String> allowed;

  Typosquats(Map<Ecosystem, List<String>> popular, Set<String> allowedPairs) {
    this.rank = new HashMap<>();
    this.bySkeleton = new HashMap<>();
    for (Ecosystem e : Ecosystem.values()) {
      Map<String, Integer> r = new HashMap<>();
      Map<String, String> s = new HashMap<>();
      List<String> names = popular.getOrDefault(e, List.of());
      for (int i = 0; i < names.size(); i++) {
        String n = normalize(e, names.get(i));
        r.putIfAbsent(n, i);
        s.putIfAbsent(skeleton(n), n);
      }
      rank.put(e, r);
      bySkeleton.put(e, s);
    }
    this.allowed = Set.copyOf(allowedPairs);
  }

  /** The snapshot shipped in the jar (see popular/SOURCES.md). */
  public static Typosquats builtin() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Typosquats INSTANCE = new Typosquats(
        Map.of(Ecosystem.NPM, lines("popular/npm.txt"), Ecosystem.PYPI, lines("popular/pypi.txt")),
        new LinkedHashSet<>(lines("popular/allow.txt")));
  }

  /** True when the name is in the popular snapshot. */
  public boolean isPopular(Ecosystem e, String name) {
    return rank.get(e).containsKey(normalize(e, name));
  }

  /** The popular names, most popular first. */
  public List<String> popular(Ecosystem e) {
    List<String> out = new ArrayList<>(rank.get(e).keySet());
    out.sort((a, b) -> Integer.compare(rank.get(e).get(a), rank.get(e).get(b)));
    return out;
  }

  /** The popular package this name imitates, if any. */
  public Optional<Squat> check(Ecosystem e, String name) {
    String n = normalize(e, name);
    if (n.isEmpty() || n.length() > 214 || rank.get(e).containsKey(n)) {
      return Optional.empty();
    }
    return checkAgainst(e, name, n).filter(s -> !allowed.contains(n + " " + s.popular()));
  }

  /** Like {@link #check} but pretends {@code name} is not popular itself (for self-tests). */
  Optional<Squat> checkExcludingSelf(Ecosystem e, String name) {
    return checkAgainst(e, name, normalize(e, name))
        .filter(s -> !s.popular().equals(normalize(e, name)));
  }

  private Optional<Squat> checkAgainst(Ecosystem e, String original, String n) {
    String skel = skeleton(n);
    String hit = bySkeleton.get(e).get(skel);
    if (hit != null && !hit.equals(n)) {
      Kind k = stripSeparators(n).equals(stripSeparators(hit)) ? Kind.SEPARATOR : Kind.HOMOGLYPH;
      return Optional.of(new Squat(original, hit, k, 0));
    }
    Optional<Squat> scope = scope(e, original, n);
    if (scope.isPresent()) {
      return scope;
    }
    Optional<Squat> edit = edit(e, original, n);
    return edit.isPresent() ? edit : combo(e, original, n);
  }

  private Optional<Squat> scope(Ecosystem e, String original, String n) {
    if (e != Ecosystem.NPM) {
      return Optional.empty();
    }
    Map<String, Integer> r = rank.get(e);
    if (n.startsWith("@") && n.indexOf('/') > 1) {
      String flat = n.substring(1).replace('/', '-');
      // Only the flattened form: "@types/node" against "types-node". A scoped package named after
      // an unscoped one ("@babel/traverse", "traverse") is normal and not flagged.
      return r.containsKey(flat) ? Optional.of(new Squat(original, flat, Kind.SCOPE, 0)) : Optional.empty();
    }
    int dash = n.indexOf('-');
    if (dash > 0) {
      String scoped = "@" + n.substring(0, dash) + "/" + n.substring(dash + 1);
      if (r.containsKey(scoped)) {
        return Optional.of(new Squat(original, scoped, Kind.SCOPE, 0));
      }
    }
    return Optional.empty();
  }

  private Optional<Squat> edit(Ecosystem e, String original, String n) {
    // One edit from five characters, two from ten: short names are too close to each other.
    int max = n.length() >= 10 ? 2 : n.length() >= 5 ? 1 : 0;
    if (max == 0) {
      return Optional.empty();
    }
    String best = "";
    int bestD = Integer.MAX_VALUE;
    int bestRank = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> p : rank.get(e).entrySet()) {
      String c = p.getKey();
      if (Math.abs(c.length() - n.length()) > max || c.length() < 5 || c.equals(n)
          || c.charAt(0) != n.charAt(0)) {
        // Typos rarely change the first letter; names that differ there are mostly distinct words.
        continue;
      }
      int d = EditDistance.osa(n, c, max);
      if (d <= max && (d < bestD || d == bestD && p.getValue() < bestRank)) {
        best = c;
        bestD = d;
        bestRank = p.getValue();
      }
    }
    return best.isEmpty() ? Optional.empty() : Optional.of(new Squat(original, best, Kind.EDIT, bestD));
  }

  private Optional<Squat> combo(Ecosystem e, String original, String n) {
    Map<String, Integer> r = rank.get(e);
    String best = "";
    for (String s : SUFFIXES) {
      if (n.endsWith(s) && n.length() > s.length()) {
        best = better(r, best, n.substring(0, n.length() - s.length()));
      }
    }
    for (String p : PREFIXES) {
      if (n.startsWith(p) && n.length() > p.length()) {
        best = better(r, best, n.substring(p.length()));
      }
    }
    // Only the most popular names are worth imitating this way; elsewhere combos are normal.
    return best.isEmpty() || r.get(best) >= TOP_COMBO
        ? Optional.empty() : Optional.of(new Squat(original, best, Kind.COMBO, 0));
  }

  private static String better(Map<String, Integer> r, String current, String candidate) {
    if (candidate.length() < 4 || !r.containsKey(candidate)) {
      return current;
    }
    return current.isEmpty() || r.get(candidate) < r.get(current) ? candidate : current;
  }

  static String normalize(Ecosystem e, String name) {
    String n = name.strip();
    return e == Ecosystem.PYPI ? PackageNames.normalizePypi(n) : n.toLowerCase(Locale.ROOT);
  }

  /** Lowercase, lookalikes folded to one letter and separators removed. */
  static String skeleton(String normalized) {
    return stripSeparators(fold(normalized));
  }

  private static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(switch (c) {
        case '\u0430' -> 'a'; case '\u0435' -> 'e'; case '\u043e' -> 'o'; case '\u0440' -> 'p';
        case '\u0441' -> 'c'; case '\u0443' -> 'y'; case '\u0445' -> 'x'; case '\u0456' -> 'i';
        case '\u0458' -> 'j'; case '\u0455' -> 's'; case '\u0501' -> 'd'; case '\u0261' -> 'g';
        case '\u04bb' -> 'h'; case '\u0131' -> 'i';
        case '1', '|', 'i' -> 'l';
        case '0' -> 'o';
        default -> c;
      });
    }
    return b.toString().replace("rn", "m").replace("vv", "w");
  }

  private static String stripSeparators(String s) {
    return s.replace("-", "").replace("_", "").replace(".", "");
  }

  private static boolean hasNonAscii(String s) {
    return s.chars().anyMatch(c -> c > 0x7f);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Typosquats.class.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
