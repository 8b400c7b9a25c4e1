package dev.bulwark.analysis.parse;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One query predicate, evaluated by the engine (not by the binding, whose {@code #match?} uses
 * java.util.regex on untrusted text): {@code #eq?}, {@code #not-eq?}, {@code #match?},
 * {@code #not-match?}, {@code #any-of?}, {@code #not-any-of?}.
 *
 * @param pattern the query pattern it belongs to
 * @param name the predicate name without '#' and '?', e.g. "eq", "not-match"
 * @param capture the capture it tests
 * @param other a second capture for capture-to-capture {@code #eq?}, else ""
 * @param strings the string arguments
 * @param regex the compiled RE2 pattern for match predicates, else null-free placeholder
 */
record Predicate(int pattern, String name, String capture, String other, List<String> strings,
    Pattern regex) {
  Predicate {
    strings = List.copyOf(strings);
  }

  boolean negated() {
    return name.startsWith("not-");
  }

  String base() {
    return negated() ? name.substring(4) : name;
  }

  /** Whether the predicate holds for the captured node text (and the other capture's text). */
  boolean test(String text, String otherText) {
    boolean r =
        switch (base()) {
          case "eq" -> other.isEmpty() ? text.equals(strings.get(0)) : text.equals(otherText);
          case "match" -> regex.matcher(text).find();
          case "any-of" -> strings.contains(text);
          default -> true;
        };
    return negated() != r;
  }
}
