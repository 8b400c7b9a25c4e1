package dev.bulwark.analysis.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a pre-filter from a tree-sitter query: when the query is one pattern with an
 * {@code #eq?} or {@code #any-of?} predicate on string constants, one of those strings must occur
 * in the file. Queries with several top-level patterns get no derived pre-filter.
 */
final class QueryLiterals {
  private static final Pattern EQ = Pattern.compile("\\(#(?:eq|any-of)\\?\\s+@[\\w.-]+((?:\\s+\"(?:[^\"\\\\]|\\\\.)*\")+)\\s*\\)");
  private static final Pattern STR = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private QueryLiterals() {}

  static Set<String> derive(String query) {
    if (topLevelPatterns(query) != 1 || query.indexOf('[') >= 0) {
      return Set.of();
    }
    Matcher m = EQ.matcher(query);
    if (!m.find()) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    Matcher s = STR.matcher(m.group(1));
    while (s.find()) {
      String lit = s.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      if (lit.isEmpty()) {
        return Set.of();
      }
      out.add(LiteralMatcher.lower(lit));
    }
    return out;
  }

  /** Counts top-level parenthesised or bracketed groups, ignoring strings and comments. */
  static int topLevelPatterns(String q) {
    int depth = 0;
    int count = 0;
    boolean inString = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ';') {
        while (i < q.length() && q.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '(' || c == '[') {
        if (depth == 0) {
          count++;
        }
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      }
    }
    return count;
  }
}
