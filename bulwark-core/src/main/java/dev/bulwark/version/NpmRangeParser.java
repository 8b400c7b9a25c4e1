package dev.bulwark.version;

import dev.bulwark.version.NpmComparator.Op;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an npm range as written in package.json into primitive comparators, with the same
 * desugaring node-semver documents for "^", "~", x-ranges, partial versions and hyphen ranges.
 *
 * <p>Hand-written rather than semver4j: we need the primitive comparators themselves to build
 * {@link Interval}s, BigInteger version numbers for hostile input, and npm's "npm:name@range" alias
 * form; a tokenizer of some 200 lines is easier to audit than adapting a library's internals.
 */
final class NpmRangeParser {
  /** Longest range text accepted; real manifests stay far below this. */
  static final int MAX_SPEC_LENGTH = 16_384;

  private static final String[] OPS = {"~>", "~", "^", ">=", "<=", ">", "<", "="};

  private NpmRangeParser() {}

  static NpmRange parse(String spec) throws InvalidVersionException {
    if (spec.length() > MAX_SPEC_LENGTH) {
      throw new InvalidVersionException("npm range longer than " + MAX_SPEC_LENGTH + " characters");
    }
    String body = stripAlias(Ascii.stripJs(spec));
    List<List<NpmComparator>> sets = new ArrayList<>();
    for (String part : splitOr(body)) {
      sets.add(parseSet(Ascii.stripJs(part), spec));
    }
    return new NpmRange(spec, sets);
  }

  /** "npm:name@range" and "npm:@scope/name@range" keep only the range part. */
  private static String stripAlias(String s) throws InvalidVersionException {
    if (!s.startsWith("npm:")) {
      return s;
    }
    int at = s.indexOf('@', 5);
    if (at < 0) {
      throw new InvalidVersionException("npm alias without a version range: " + clip(s));
    }
    return Ascii.stripJs(s.substring(at + 1));
  }

  private static List<String> splitOr(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf("||"); i >= 0; i = s.indexOf("||", start)) {
      out.add(s.substring(start, i));
      start = i + 2;
    }
    out.add(s.substring(start));
    return out;
  }

  private static List<NpmComparator> parseSet(String set, String spec) throws InvalidVersionException {
    List<String> tokens = tokens(set);
    if (tokens.size() == 3 && tokens.get(1).equals("-")) {
      return hyphen(partial(tokens.get(0), spec), partial(tokens.get(2), spec));
    }
    List<NpmComparator> out = new ArrayList<>();
    for (String token : tokens) {
      out.addAll(comparator(token, spec));
    }
    return out;
  }

  /** Whitespace-separated tokens, with a lone operator joined to the token after it ("&gt;= 1.2"). */
  private static List<String> tokens(String set) {
    List<String> raw = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i <= set.length(); i++) {
      if (i == set.length() || Ascii.isJsSpace(set.charAt(i))) {
        if (!cur.isEmpty()) {
          raw.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(set.charAt(i));
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String t = raw.get(i);
      if (isOperator(t) && i + 1 < raw.size()) {
        t = t + raw.get(++i);
      }
      out.add(t);
    }
    return out;
  }

  private static boolean isOperator(String t) {
    for (String op : OPS) {
      if (op.equals(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<NpmComparator> comparator(String token, String spec) throws InvalidVersionException {
    String op = "";
    for (String candidate : OPS) {
      if (token.startsWith(candidate)) {
        op = candidate;
        break;
      }
    }
    Partial p = partial(token.substring(op.length()), spec);
    return switch (op) {
      case "~", "~>" -> tilde(p);
      case "^" -> caret(p);
      case "", "=" -> xrange("", p);
      default -> xrange(op, p);
    };
  }

  /**
   * A possibly partial version: the numeric parts before the first wildcard or missing part
   * (0 to 3 of them), and the prerelease when all three are numeric.
   */
  record Partial(List<BigInteger> nums, List<String> pre) {
    BigInteger num(int i) {
      return i < nums.size() ? nums.get(i) : BigInteger.ZERO;
    }

    boolean full() {
      return nums.size() == 3;
    }

    SemVer version() {
      return SemVer.of(num(0), num(1), num(2), pre);
    }
  }

  static Partial partial(String text, String spec) throws InvalidVersionException {
    String s = text;
    if (s.startsWith("=")) {
      s = s.substring(1);
    }
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    int plus = s.indexOf('+');
    String main = plus < 0 ? s : s.substring(0, plus);
    int dash = main.indexOf('-');
    String[] parts = (dash < 0 ? main : main.substring(0, dash)).split("\\.", -1);
    Optional<List<String>> pre =
        dash < 0 ? Optional.of(List.of()) : SemVer.identifiers(main.substring(dash + 1), true);
    boolean buildOk = plus < 0 || SemVer.identifiers(s.substring(plus + 1), false).isPresent();
    if (parts.length > 3 || (dash >= 0 && parts.length != 3) || pre.isEmpty() || !buildOk) {
      throw invalid(spec);
    }
    List<BigInteger> nums = new ArrayList<>();
    boolean wild = false;
    for (String part : parts) {
      if (part.equals("x") || part.equals("X") || part.equals("*")) {
        wild = true;
      } else if (!Ascii.allDigits(part) || wild) {
        // node-semver rejects a number after a wildcard ("1.x.2", "x.1.2").
        throw invalid(spec);
      } else {
        nums.add(Ascii.number(part));
      }
    }
    // A prerelease after a wildcard ("1.2.x-beta") is valid syntax but ignored, as in node-semver.
    return new Partial(nums, nums.size() == 3 ? pre.get() : List.of());
  }

  private static List<NpmComparator> xrange(String op, Partial p) {
    if (p.full()) {
      return List.of(new NpmComparator(op(op.isEmpty() ? "=" : op), p.version()));
    }
    if (p.nums().isEmpty()) {
      return op.equals("<") || op.equals(">") ? List.of(NpmComparator.NONE) : List.of();
    }
    boolean majorOnly = p.nums().size() == 1;
    return switch (op) {
      case ">" -> List.of(ge(majorOnly ? bump(p, 0) : bump(p, 1), List.of()));
      case ">=" -> List.of(ge(p, List.of()));
      case "<" -> List.of(lt(p));
      case "<=" -> List.of(lt(majorOnly ? bump(p, 0) : bump(p, 1)));
      default -> List.of(ge(p, List.of()), lt(majorOnly ? bump(p, 0) : bump(p, 1)));
    };
  }

  private static List<NpmComparator> tilde(Partial p) {
    if (p.nums().isEmpty()) {
      return List.of();
    }
    Partial upper = p.nums().size() == 1 ? bump(p, 0) : bump(p, 1);
    return List.of(ge(p, p.pre()), lt(upper));
  }

  private static List<NpmComparator> caret(Partial p) {
    if (p.nums().isEmpty()) {
      return List.of();
    }
    int n = p.nums().size();
    Partial upper;
    if (n == 1 || p.num(0).signum() != 0) {
      upper = bump(p, 0);
    } else if (n == 2 || p.num(1).signum() != 0) {
      upper = bump(p, 1);
    } else {
      upper = bump(p, 2);
    }
    return List.of(ge(p, p.pre()), lt(upper));
  }

  private static List<NpmComparator> hyphen(Partial from, Partial to) {
    List<NpmComparator> out = new ArrayList<>();
    if (!from.nums().isEmpty()) {
      out.add(ge(from, from.pre()));
    }
    if (to.full()) {
      out.add(new NpmComparator(Op.LE, to.version()));
    } else if (!to.nums().isEmpty()) {
      out.add(lt(to.nums().size() == 1 ? bump(to, 0) : bump(to, 1)));
    }
    return out;
  }

  /** The partial with part {@code index} incremented and everything after it zeroed. */
  private static Partial bump(Partial p, int index) {
    List<BigInteger> nums = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      nums.add(i < index ? p.num(i) : i == index ? p.num(i).add(BigInteger.ONE) : BigInteger.ZERO);
    }
    return new Partial(nums, List.of());
  }

  private static NpmComparator ge(Partial p, List<String> pre) {
    return new NpmComparator(Op.GE, SemVer.of(p.num(0), p.num(1), p.num(2), pre));
  }

  /** "&lt;M.m.p-0": below every prerelease of that version too. */
  private static NpmComparator lt(Partial p) {
    return new NpmComparator(Op.LT, SemVer.of(p.num(0), p.num(1), p.num(2), List.of("0")));
  }

  private static Op op(String text) {
    return switch (text) {
      case "<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      case ">=" -> Op.GE;
      default -> Op.EQ;
    };
  }

  private static InvalidVersionException invalid(String spec) {
    return new InvalidVersionException("not an npm version range: " + clip(spec));
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
