package dev.bulwark.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Seeded generators of version and range strings for property tests. Numbers come from a small
 * pool so that equal and adjacent versions are common, with a few beyond 64 bits; about one in
 * twenty strings is corrupted so that invalid versions take part too.
 */
final class RandomVersions {
  private static final String[] NUMS = {"0", "1", "2", "3", "10", "007", "18446744073709551616"};
  private static final String GARBAGE = "0123456789.-+_!*xXvV= abrc\u0663\u0000\u00e9|,~^<>";

  private final Random r;

  RandomVersions(long seed) {
    this.r = new Random(seed);
  }

  private String pick(String... options) {
    return options[r.nextInt(options.length)];
  }

  private boolean chance(double p) {
    return r.nextDouble() < p;
  }

  private String num() {
    return pick(NUMS);
  }

  private String corrupt(String s) {
    if (!chance(0.05)) {
      return s;
    }
    int at = r.nextInt(s.length() + 1);
    return s.substring(0, at) + GARBAGE.charAt(r.nextInt(GARBAGE.length())) + s.substring(at);
  }

  String npmVersion() {
    StringBuilder b = new StringBuilder();
    b.append(pick("", "", "", "v", "V", "=", "=v", " "));
    b.append(num()).append('.').append(num()).append('.').append(num());
    if (chance(0.4)) {
      b.append('-').append(IntStream.range(0, 1 + r.nextInt(3))
          .mapToObj(i -> pick("0", "1", "2", "11", "01", "alpha", "beta", "rc", "a-b", "-", "A"))
          .collect(Collectors.joining(".")));
    }
    if (chance(0.15)) {
      b.append('+').append(pick("build", "b.1", "001", "x-y"));
    }
    return corrupt(b.toString());
  }

  String npmRange() {
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      List<String> comparators = new ArrayList<>();
      if (chance(0.1)) {
        comparators.add(npmPartial() + " - " + npmPartial());
      } else {
        for (int j = 0; j < r.nextInt(3); j++) {
          comparators.add(pick("", "=", "<", "<=", ">", ">=", "~", "^", "~>") + npmPartial());
        }
      }
      sets.add(String.join(" ", comparators));
    }
    return corrupt(String.join(" || ", sets));
  }

  private String npmPartial() {
    if (chance(0.1)) {
      return pick("*", "x", "X");
    }
    int n = 1 + r.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(i == n - 1 && n > 1 && chance(0.2) ? "x" : num());
    }
    String v = String.join(".", parts);
    return n == 3 && !v.contains("x") && chance(0.3) ? v + "-" + pick("0", "alpha", "beta.2", "rc.1") : v;
  }

  String pep440Version() {
    StringBuilder b = new StringBuilder();
    b.append(pick("", "", "", "", "v", "V", " "));
    if (chance(0.1)) {
      b.append(num()).append('!');
    }
    b.append(IntStream.range(0, 1 + r.nextInt(4)).mapToObj(i -> num()).collect(Collectors.joining(".")));
    if (chance(0.4)) {
      b.append(sep()).append(pick("a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "RC"));
      b.append(chance(0.8) ? sep() + num() : "");
    }
    if (chance(0.3)) {
      b.append(chance(0.3) ? "-" + num() : sep() + pick("post", "rev", "r", "POST") + (chance(0.8) ? sep() + num() : ""));
    }
    if (chance(0.3)) {
      b.append(sep()).append(pick("dev", "DEV")).append(chance(0.8) ? sep() + num() : "");
    }
    if (chance(0.2)) {
      b.append('+').append(IntStream.range(0, 1 + r.nextInt(3))
          .mapToObj(i -> pick("abc", "1", "01", "x9", "Ubuntu", "2"))
          .collect(Collectors.joining(pick(".", "-", "_"))));
    }
    return corrupt(b.toString());
  }

  private String sep() {
    return pick("", "", ".", "-", "_");
  }

  /** A specifier set over operands drawn from the given valid versions. */
  String pep440Specifier(List<String> validVersions) {
    List<String> clauses = new ArrayList<>();
    for (int i = 0; i < r.nextInt(4); i++) {
      String op = pick("==", "!=", "<=", ">=", "<", ">", "~=", "===");
      String v = validVersions.get(r.nextInt(validVersions.size())).strip();
      if ((op.equals("==") || op.equals("!=")) && chance(0.3)) {
        v = Pep440Version.parse(v).map(p -> Pep440Version.release(p.epoch(), p.release()).toString())
            .orElse(v) + ".*";
      }
      clauses.add(op + pick("", " ") + v);
    }
    return corrupt(String.join(pick(",", ", "), clauses));
  }

  /** Any characters at all, including surrogates, controls and non-ASCII digits. */
  String garbage(int maxLength) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      b.append(chance(0.7) ? GARBAGE.charAt(r.nextInt(GARBAGE.length())) : (char) r.nextInt(0x10000));
    }
    return b.toString();
  }
}
