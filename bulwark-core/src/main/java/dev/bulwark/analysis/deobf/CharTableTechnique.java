package dev.bulwark.analysis.deobf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Character-table indexing: a scrambled alphabet is assigned to a name ({@code k='=yc.mdi S…'})
 * and every string of the program is spelled as a run of single-character lookups into it
 * ({@code k[38]+k[43]+k[43]+…}, or {@code k.charAt(38)}). Web skimmers and loaders use it so that
 * no readable word is left in the file. The whole file is rewritten with each run replaced by the
 * quoted string it spells, so rules see the strings in place, next to the code that uses them.
 * Nothing is evaluated: only integer indexes into a literal are resolved.
 *
 * <p>Hand-written: a linear scan; no library resolves this form statically.
 */
final class CharTableTechnique implements Technique {
  static final String NAME = "char-table";
  /** Tables shorter than this are ordinary strings, not alphabets. */
  private static final int MIN_TABLE = 8;
  /** At least this many lookups in the file before it is rewritten (benign code indexes rarely). */
  private static final int MIN_LOOKUPS = 12;
  /** A run must spell at least this many characters to be replaced. */
  private static final int MIN_RUN = 2;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (text.length() > maxBytes) {
      return List.of();
    }
    Map<String, String> tables = tables(text);
    if (tables.isEmpty()) {
      return List.of();
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    int lookups = 0;
    int first = -1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      Run run = run(text, i, tables);
      if (run == null) {
        i = nextIdentifier(text, i);
        continue;
      }
      if (run.value().length() >= MIN_RUN) {
        lookups += run.value().length();
        first = first < 0 ? i : first;
        out.append(text, last, i).append(quote(run.value()));
        last = run.end();
      }
      i = run.end();
    }
    if (lookups < MIN_LOOKUPS) {
      return List.of();
    }
    out.append(text, last, n);
    return List.of(new Reveal(NAME, first, out.toString(), false));
  }

  /**
   * Names used as {@code name[N]+…}, each with the literal assigned to it ({@code name = '…'}).
   * Found from the lookups, not from the lexer's literal list, so that a lexer thrown off earlier in
   * the file (a regex literal holding a quote) does not hide the table.
   */
  private static Map<String, String> tables(String text) {
    Map<String, String> out = new HashMap<>();
    Set<String> tried = new HashSet<>();
    int i = text.indexOf("]+");
    while (i > 0 && tried.size() < MAX_CANDIDATES) {
      String name = lookupNameBefore(text, i);
      if (!name.isEmpty() && tried.add(name)) {
        assigned(text, name).ifPresent(v -> out.put(name, v));
      }
      i = text.indexOf("]+", i + 2);
    }
    return out;
  }

  /** The name of {@code name[123]} ending just before {@code close}, or "". */
  private static String lookupNameBefore(String t, int close) {
    int d = close;
    while (d > 0 && close - d < 5 && Character.isDigit(t.charAt(d - 1))) {
      d--;
    }
    if (d == close || d == 0 || t.charAt(d - 1) != '[') {
      return "";
    }
    return identifierBefore(t, d - 1);
  }

  /** The first string literal assigned to {@code name} with a plain {@code =} ({@code name='…'} or {@code name = '…'}). */
  private static Optional<String> assigned(String t, String name) {
    for (String form : List.of(name + "=", name + " =")) {
      int at = t.indexOf(form);
      for (int tries = 0; at >= 0 && tries < MAX_CANDIDATES; tries++) {
        int eq = at + form.length();
        if ((at == 0 || !isIdent(t.charAt(at - 1))) && (eq >= t.length() || t.charAt(eq) != '=')) {
          int q = Literals.skipSpace(t, eq);
          if (q < t.length() && "'\"`".indexOf(t.charAt(q)) >= 0) {
            List<Literals.Lit> lit = Literals.scan(t.substring(q, Math.min(t.length(), q + 4200)), false);
            if (!lit.isEmpty() && lit.get(0).start() == 0 && lit.get(0).body().length() >= MIN_TABLE) {
              return Optional.of(lit.get(0).value());
            }
          }
        }
        at = t.indexOf(form, at + 1);
      }
    }
    return Optional.empty();
  }

  private record Run(String value, int end) {}

  /** A run of lookups joined by '+' starting at {@code i}, or null. */
  private static Run run(String t, int i, Map<String, String> tables) {
    if (i > 0 && isIdent(t.charAt(i - 1))) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    int p = i;
    int end = -1;
    while (true) {
      int q = lookup(t, p, tables, b);
      if (q < 0) {
        break;
      }
      end = q;
      int plus = Literals.expect(t, q, "+");
      if (plus < 0 || plus < t.length() && t.charAt(plus) == '+') {
        break;
      }
      p = Literals.skipSpace(t, plus);
    }
    return end < 0 ? null : new Run(b.toString(), end);
  }

  /** One {@code name[N]} or {@code name.charAt(N)} at {@code p}; appends the char, returns the end or -1. */
  private static int lookup(String t, int p, Map<String, String> tables, StringBuilder b) {
    int s = p;
    while (p < t.length() && isIdent(t.charAt(p))) {
      p++;
    }
    if (p == s || p >= t.length() || t.charAt(p) != '[' && t.charAt(p) != '.') {
      return -1;
    }
    String table = tables.get(t.substring(s, p));
    if (table == null) {
      return -1;
    }
    int open = Literals.expect(t, p, "[");
    String close = "]";
    if (open < 0) {
      open = Literals.expect(t, p, ".", "charAt", "(");
      close = ")";
    }
    if (open < 0) {
      return -1;
    }
    int d = Literals.skipSpace(t, open);
    int e = d;
    while (e < t.length() && e - d < 5 && Character.isDigit(t.charAt(e))) {
      e++;
    }
    int end = Literals.expect(t, e, close);
    if (e == d || end < 0) {
      return -1;
    }
    int index = Integer.parseInt(t.substring(d, e));
    if (index >= table.length()) {
      return -1;
    }
    b.append(table.charAt(index));
    return end;
  }

  private static int nextIdentifier(String t, int i) {
    int p = i;
    while (p < t.length() && isIdent(t.charAt(p))) {
      p++;
    }
    return p == i ? i + 1 : p;
  }

  private static String identifierBefore(String t, int end) {
    int p = Literals.skipSpaceBack(t, end);
    int s = p;
    while (s > 0 && isIdent(t.charAt(s - 1))) {
      s--;
    }
    return s < p && !Character.isDigit(t.charAt(s)) ? t.substring(s, p) : "";
  }

  private static boolean isIdent(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** A double-quoted JS literal spelling {@code s}. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"', '\\' -> b.append('\\').append(c);
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
