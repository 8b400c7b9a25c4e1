package dev.bulwark.analysis.deobf;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** RE2/J helpers: every pattern here runs on untrusted text in linear time. */
final class Patterns {
  /** A single- or double-quoted string literal body (group 1 or 2), one line, escapes allowed. */
  static final String STR = "(?:'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\")";

  /** One match: where it starts and its groups (index 0 is the whole match; "" when unset). */
  record M(int start, List<String> groups) {
    String group() {
      return groups.get(0);
    }

    String group(int i) {
      return groups.get(i);
    }
  }

  private Patterns() {}

  /** Up to {@link Technique#MAX_CANDIDATES} matches, left to right. */
  static List<M> all(Pattern p, String text) {
    List<M> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (out.size() < Technique.MAX_CANDIDATES && m.find()) {
      List<String> g = new ArrayList<>();
      for (int i = 0; i <= m.groupCount(); i++) {
        String s = m.group(i);
        g.add(s == null ? "" : s);
      }
      out.add(new M(m.start(), g));
    }
    return out;
  }

  /** The body of a STR match whose groups start at {@code firstGroup}. */
  static String body(M m, int firstGroup) {
    String a = m.group(firstGroup);
    return !a.isEmpty() ? a : m.group(firstGroup + 1);
  }

  /** Every string literal body in a text fragment, unescaped. */
  static List<String> literals(String fragment) {
    List<String> out = new ArrayList<>();
    Matcher m = LITERAL.matcher(fragment);
    while (out.size() < 4096 && m.find()) {
      String a = m.group(1);
      out.add(Decoders.unescape(a != null ? a : m.group(2) == null ? "" : m.group(2)));
    }
    return out;
  }

  private static final Pattern LITERAL = Pattern.compile(STR);
}
