package dev.bulwark.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cursor over one lower-cased, stripped version string, following PEP 440's grammar with its
 * normalisation rules: optional "v", "N!" epoch, dotted release, then optional pre ("a", "b",
 * "rc" and the spellings "alpha", "beta", "c", "pre", "preview"), post ("-N" or "post"/"rev"/"r"),
 * dev and "+local" parts. Each part may be preceded by, and its number separated by, one of
 * "-", "_" or ".", and a missing number means 0.
 *
 * <p>A scanner rather than a regular expression: it needs no backtracking, runs in linear time on
 * hostile input, and accepts ASCII only (a case-insensitive regex would let, for example, the
 * Kelvin sign stand for "k").
 */
final class Pep440Parser {
  private static final String[] PRE_LABELS = {"preview", "alpha", "beta", "pre", "rc", "a", "b", "c"};
  private static final String[] POST_LABELS = {"post", "rev", "r"};
  private static final String[] DEV_LABELS = {"dev"};

  private final String s;
  private int i;

  Pep440Parser(String s) {
    this.s = s;
  }

  Optional<Pep440Version> parse() {
    if (peek() == 'v') {
      i++;
    }
    Optional<BigInteger> first = number();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    BigInteger epoch = BigInteger.ZERO;
    List<BigInteger> release = new ArrayList<>();
    if (peek() == '!') {
      i++;
      epoch = first.get();
      Optional<BigInteger> r = number();
      if (r.isEmpty()) {
        return Optional.empty();
      }
      release.add(r.get());
    } else {
      release.add(first.get());
    }
    while (peek() == '.' && Ascii.isDigit(peekAt(1))) {
      i++;
      release.add(number().orElseThrow());
    }
    return rest(epoch, release);
  }

  private Optional<Pep440Version> rest(BigInteger epoch, List<BigInteger> release) {
    String preLabel = "";
    BigInteger preNumber = BigInteger.ZERO;
    Optional<String> pre = label(PRE_LABELS);
    if (pre.isPresent()) {
      preLabel = switch (pre.get()) {
        case "alpha" -> "a";
        case "beta" -> "b";
        case "c", "pre", "preview" -> "rc";
        default -> pre.get();
      };
      preNumber = labelNumber();
    }
    Optional<BigInteger> post = Optional.empty();
    if (peek() == '-' && Ascii.isDigit(peekAt(1))) {
      i++;
      post = number();
    } else if (label(POST_LABELS).isPresent()) {
      post = Optional.of(labelNumber());
    }
    Optional<BigInteger> dev =
        label(DEV_LABELS).isPresent() ? Optional.of(labelNumber()) : Optional.empty();
    Optional<List<String>> local = local();
    if (local.isEmpty() || i != s.length()) {
      return Optional.empty();
    }
    return Optional.of(new Pep440Version(epoch, release, preLabel, preNumber, post, dev,
        Pep440Version.normaliseLocal(local.get())));
  }

  /** An optional separator then one of the labels (longest first); consumes only on success. */
  private Optional<String> label(String[] labels) {
    int start = i;
    int at = isSeparator(peek()) ? i + 1 : i;
    for (String l : labels) {
      if (s.startsWith(l, at)) {
        i = at + l.length();
        return Optional.of(l);
      }
    }
    i = start;
    return Optional.empty();
  }

  /** After a label: an optional separator and optional digits; absent digits mean 0. */
  private BigInteger labelNumber() {
    if (isSeparator(peek())) {
      i++;
    }
    return number().orElse(BigInteger.ZERO);
  }

  private Optional<List<String>> local() {
    if (peek() != '+') {
      return Optional.of(List.of());
    }
    i++;
    List<String> segments = new ArrayList<>();
    while (true) {
      int start = i;
      while (i < s.length() && (Ascii.isDigit(s.charAt(i)) || (s.charAt(i) >= 'a' && s.charAt(i) <= 'z'))) {
        i++;
      }
      if (start == i) {
        return Optional.empty();
      }
      segments.add(s.substring(start, i));
      if (!isSeparator(peek())) {
        return Optional.of(segments);
      }
      i++;
    }
  }

  private Optional<BigInteger> number() {
    int end = Ascii.digitsEnd(s, i);
    if (end == i) {
      return Optional.empty();
    }
    BigInteger n = Ascii.number(s.substring(i, end));
    i = end;
    return Optional.of(n);
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekAt(int offset) {
    return i + offset < s.length() ? s.charAt(i + offset) : '\0';
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
  }
}
