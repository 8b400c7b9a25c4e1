package dev.bulwark.analysis.parse;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSLanguage;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryException;

/**
 * A tree-sitter query compiled for one language with its predicates taken out and kept here, so
 * that they run with RE2/J. Immutable once built; tree-sitter queries may be shared by threads.
 */
final class CompiledQuery {
  private static final Set<String> KNOWN =
      Set.of("eq", "not-eq", "match", "not-match", "any-of", "not-any-of", "any-eq", "any-match",
          "any-not-eq", "any-not-match", "lua-match", "is", "is-not", "set");

  private final TSQuery query;
  private final List<Predicate> predicates;
  private final int matchCapture;

  private CompiledQuery(TSQuery query, List<Predicate> predicates, int matchCapture) {
    this.query = query;
    this.predicates = List.copyOf(predicates);
    this.matchCapture = matchCapture;
  }

  TSQuery query() {
    return query;
  }

  List<Predicate> predicates() {
    return predicates;
  }

  /** Capture id named "match", else 0 (the first capture), -1 when there is no capture. */
  int matchCapture() {
    return matchCapture;
  }

  /** Compiles; throws IllegalArgumentException with a readable message when invalid. */
  static CompiledQuery compile(TSLanguage lang, String source) {
    List<Predicate> preds = new ArrayList<>();
    String stripped = strip(source, preds);
    TSQuery q;
    try {
      q = new TSQuery(lang, stripped);
    } catch (TSQueryException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    int match = q.getCaptureCount() == 0 ? -1 : 0;
    for (int i = 0; i < q.getCaptureCount(); i++) {
      if (q.getCaptureNameForId(i).equals("match")) {
        match = i;
      }
    }
    int maxPattern = preds.stream().mapToInt(Predicate::pattern).max().orElse(-1);
    if (maxPattern >= q.getPatternCount()) {
      throw new IllegalArgumentException("a predicate stands outside any pattern");
    }
    return new CompiledQuery(q, preds, match);
  }

  /** Removes {@code (#name? …)} groups, recording them with their top-level pattern index. */
  static String strip(String src, List<Predicate> out) {
    StringBuilder b = new StringBuilder(src.length());
    int depth = 0;
    int pattern = -1;
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '"') {
        int end = stringEnd(src, i);
        b.append(src, i, end);
        i = end;
      } else if (c == ';') {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '(' && nextNonSpace(src, i + 1) == '#') {
        int end = groupEnd(src, i);
        out.add(parse(src.substring(i + 1, end - 1).trim(), Math.max(pattern, 0)));
        i = end;
      } else {
        if (c == '(' || c == '[') {
          if (depth == 0) {
            pattern++;
          }
          depth++;
        } else if (c == ')' || c == ']') {
          depth--;
        }
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private static char nextNonSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static int stringEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != '"') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), j + 1);
  }

  private static int groupEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != ')') {
      j = s.charAt(j) == '"' ? stringEnd(s, j) : j + 1;
    }
    if (j >= s.length()) {
      throw new IllegalArgumentException("unclosed predicate");
    }
    return j + 1;
  }

  /** Parses "#name? @cap "str" @other …". */
  private static Predicate parse(String body, int pattern) {
    List<String> tokens = tokens(body);
    String name = tokens.get(0);
    if (!name.startsWith("#")) {
      throw new IllegalArgumentException("bad predicate " + body);
    }
    name = name.substring(1);
    if (name.endsWith("?") || name.endsWith("!")) {
      name = name.substring(0, name.length() - 1);
    }
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException("unknown predicate #" + name);
    }
    name = name.replace("any-not-", "not-").replace("any-", "");
    String capture = "";
    String other = "";
    List<String> strings = new ArrayList<>();
    for (String t : tokens.subList(1, tokens.size())) {
      if (t.startsWith("@")) {
        if (capture.isEmpty()) {
          capture = t.substring(1);
        } else {
          other = t.substring(1);
        }
      } else {
        strings.add(t.startsWith("\"") ? unquote(t) : t);
      }
    }
    Pattern regex = Pattern.compile("");
    if (name.endsWith("match")) {
      if (strings.isEmpty()) {
        throw new IllegalArgumentException("#" + name + "? needs a pattern");
      }
      try {
        regex = Pattern.compile(strings.get(0));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid RE2 pattern in #" + name + "?: " + e.getMessage());
      }
    }
    if (name.endsWith("eq") && strings.isEmpty() && other.isEmpty()) {
      throw new IllegalArgumentException("#" + name + "? needs a value");
    }
    return new Predicate(pattern, name, capture, other, strings, regex);
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = stringEnd(s, i);
        out.add(s.substring(i, end));
        i = end;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static String unquote(String t) {
    String inner = t.substring(1, Math.max(1, t.length() - 1));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char n = inner.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
