package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.deobf.JsLexer.Kind;
import dev.bulwark.analysis.deobf.JsLexer.Tok;
import dev.bulwark.analysis.deobf.StringArrayModel.Accessor;
import dev.bulwark.analysis.deobf.StringArrayModel.Rotation;
import dev.bulwark.analysis.deobf.StringArrayModel.Table;
import dev.bulwark.analysis.deobf.StringArrayModel.Wrapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Undoes javascript-obfuscator style string arrays statically, without running anything: finds
 * the table, its accessor (offset, base64 or RC4 decoding) and wrappers, works out the rotation by
 * evaluating the rotation loop's check expression (arithmetic over {@code parseInt} of table
 * entries) for each possible rotation, then replaces every accessor call with constant arguments
 * by the string it returns. The result, with {@code x['name']} written as {@code x.name} and
 * adjacent string literals joined, is one virtual file that all rules scan again. Bounded: text
 * size, table size, rotations tried, and call depth.
 */
final class StringArrayResolver implements Technique {
  static final String TECHNIQUE = "string-array";
  private static final int MAX_TEXT = 2 * 1024 * 1024;
  private static final int MAX_ROTATION_WORK = 4_000_000;
  private static final int MAX_ALIAS_HOPS = 8;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    // JavaScript only: the lexer does not know Python's comments and strings.
    boolean js = Gates.contains(text, "function") || Gates.contains(text, "var ") || Gates.contains(text, "const ")
        || Gates.contains(text, "=>");
    if (text.length() > MAX_TEXT || lits.isEmpty() || !js
        || !((Gates.contains(text, "_0x") || pushShift(text)) && hasTable(text, lits) || spelled(text))) {
      return List.of();
    }
    return resolve(text).filter(s -> s.length() <= maxBytes)
        .map(s -> List.of(new Reveal(TECHNIQUE, 0, s, false))).orElse(List.of());
  }

  /** Cheap pre-check: an array rotation, {@code push(…shift())} within a few characters. */
  static boolean pushShift(String text) {
    if (!Gates.contains(text, "shift")) {
      return false;
    }
    for (int i = text.indexOf("shift"); i >= 0; i = text.indexOf("shift", i + 5)) {
      int from = Math.max(0, i - 40);
      if (text.lastIndexOf("push", i) >= from) {
        return true;
      }
    }
    return false;
  }

  /** Cheap pre-check: three {@code ]+name[digit} joins, as char tables spell strings. */
  static boolean spelled(String text) {
    if (!Gates.contains(text, "]+")) {
      return false;
    }
    int n = 0;
    for (int i = text.indexOf("]+"); i >= 0 && n < 3; i = text.indexOf("]+", i + 2)) {
      int j = i + 2;
      while (j < text.length() && j - i < 24 && Character.isJavaIdentifierPart(text.charAt(j))) {
        j++;
      }
      if (j > i + 2 && j + 1 < text.length() && text.charAt(j) == '[' && Character.isDigit(text.charAt(j + 1))) {
        n++;
      }
    }
    return n >= 3;
  }

  /** Cheap pre-check on the literals: an array of three or more strings assigned to a name. */
  private static boolean hasTable(String text, List<Literals.Lit> lits) {
    for (int i = 0; i + 2 < lits.size(); i++) {
      Literals.Lit a = lits.get(i);
      int open = Literals.endsWith(text, a.start(), "[");
      if (open < 0 || Literals.endsWith(text, open, "=") < 0) {
        continue;
      }
      if (text.substring(a.end(), lits.get(i + 1).start()).strip().equals(",")
          && text.substring(lits.get(i + 1).end(), lits.get(i + 2).start()).strip().equals(",")) {
        return true;
      }
    }
    return false;
  }

  /** The text with accessor calls replaced by their strings, or empty when nothing resolved. */
  static Optional<String> resolve(String text) {
    List<Tok> toks = JsLexer.lex(text);
    StringArrayModel m = new StringArrayModel(toks);
    // Accessors count only for tables that an obfuscator's rotation loop turns or that carry its
    // _0x names: minified benign code has small functions that look like accessors.
    m.accessors.values().removeIf(a -> !a.table().key.contains("0x")
        && m.rotations.stream().noneMatch(r -> r.tableKey().equals(a.table().key)));
    if (m.tables.isEmpty() || m.accessors.isEmpty() && charBuilding(m) < 3 && hexIndexed(m) < 3) {
      return Optional.empty();
    }
    Calls calls = new Calls(m);
    for (Rotation r : m.rotations) {
      solve(m, r, calls);
    }
    Map<Integer, int[]> spans = new TreeMap<>();
    Map<Integer, String> repl = new HashMap<>();
    int resolved = substitute(m, calls, spans, repl);
    if (resolved == 0) {
      return Optional.empty();
    }
    blank(m, spans, repl);
    return Optional.of(Normalizer.normalize(Normalizer.normalize(rewrite(text, toks, spans, repl))));
  }

  private static void solve(StringArrayModel m, Rotation r, Calls calls) {
    Table t = m.tables.get(r.tableKey());
    if (t == null || t.rotated) {
      return;
    }
    t.rotated = true;
    int n = t.entries.size();
    if (r.fixedCount()) {
      double c = r.target();
      t.rotation = Double.isNaN(c) || c < 0 ? 0 : (int) (c % n);
      return;
    }
    int work = 0;
    for (int rot = 0; rot < n && work < MAX_ROTATION_WORK; rot++) {
      t.rotation = rot;
      work += r.checkTo() - r.checkFrom() + 1;
      try {
        Object v = ConstEval.eval(m.toks, r.checkFrom(), r.checkTo(), Map.of(), calls, 0);
        if (ConstEval.num(v) == r.target()) {
          return;
        }
      } catch (ConstEval.Unresolved e) {
        // this rotation makes the decoder fail; the loop would rotate again
      }
    }
    t.rotation = 0;
    t.solved = false;
  }

  /** Resolves names to accessors, wrappers and aliases; decoded entries are cached. */
  static final class Calls implements ConstEval.Calls {
    private final StringArrayModel m;
    private final Map<String, String> cache = new HashMap<>();

    Calls(StringArrayModel m) {
      this.m = m;
    }

    String target(String name) {
      String n = name;
      for (int i = 0; i < MAX_ALIAS_HOPS && m.aliases.containsKey(n) && !m.accessors.containsKey(n)
          && !m.wrappers.containsKey(n); i++) {
        n = m.aliases.get(n);
      }
      return n;
    }

    boolean known(String name) {
      String n = target(name);
      return m.accessors.containsKey(n) || m.wrappers.containsKey(n);
    }

    @Override
    public Object call(String name, List<Object> args, int depth) {
      String n = target(name);
      Accessor a = m.accessors.get(n);
      if (a != null) {
        return access(a, args);
      }
      Wrapper w = m.wrappers.get(n);
      if (w == null || depth > 32) {
        throw ConstEval.Unresolved.INSTANCE;
      }
      Map<String, Object> env = new HashMap<>();
      for (int i = 0; i < w.params().size(); i++) {
        env.putIfAbsent(w.params().get(i), i < args.size() ? args.get(i) : ConstEval.UNDEFINED);
      }
      List<Object> inner = ConstEval.args(m.toks, w.argOpen(), w.argClose(), m.match, env, this, depth + 1);
      return call(w.callee(), inner, depth + 1);
    }

    private Object access(Accessor a, List<Object> args) {
      if (args.isEmpty()) {
        throw ConstEval.Unresolved.INSTANCE;
      }
      Object raw = a.table().at(ConstEval.num(args.get(0)) - a.offset());
      if (!(raw instanceof String s)) {
        return raw;
      }
      // An RC4-keyed decoder is called with a string key; base64-only decoders get no key, or a
      // number their wrappers pass along unused.
      String key = args.size() > 1 && args.get(1) instanceof String k ? k : "";
      String ck = a.name() + '\u0000' + key + '\u0000' + s;
      String hit = cache.get(ck);
      if (hit == null) {
        hit = a.cipher().decode(s, key, key.isEmpty() ? ArrayCipher.Mode.BASE64 : ArrayCipher.Mode.RC4).orElseThrow(() -> ConstEval.Unresolved.INSTANCE);
        if (cache.size() < 100_000) {
          cache.put(ck, hit);
        }
      }
      return hit;
    }
  }

  private static int substitute(StringArrayModel m, Calls calls, Map<Integer, int[]> spans, Map<Integer, String> repl) {
    int count = 0;
    List<Tok> toks = m.toks;
    for (int k = 0; k + 1 < toks.size(); k++) {
      Tok t = toks.get(k);
      if (indexed(m, k)) {
        String v = (String) m.tables.get(t.text()).at(ConstEval.numberLiteral(toks.get(k + 2).text()));
        spans.put(t.start(), new int[] {t.start(), toks.get(k + 3).end()});
        repl.put(t.start(), quote(v));
        count++;
        k += 3;
        continue;
      }
      if (t.kind() != Kind.IDENT || !toks.get(k + 1).is("(") || k > 0 && (toks.get(k - 1).is("function")
          || toks.get(k - 1).is(".")) || !calls.known(t.text()) || m.match[k + 1] < 0 || !solved(m, calls, t.text())) {
        continue;
      }
      int close = m.match[k + 1];
      try {
        List<Object> args = ConstEval.args(toks, k + 1, close, m.match, Map.of(), calls, 0);
        if (calls.call(t.text(), args, 0) instanceof String s) {
          spans.put(t.start(), new int[] {t.start(), toks.get(close).end()});
          repl.put(t.start(), quote(s));
          count++;
          k = close;
        }
      } catch (ConstEval.Unresolved e) {
        // not constant here (inside a wrapper's own body, say)
      }
    }
    return count;
  }

  /**
   * How often strings are spelled out of a table entry by entry, {@code T[4]+T[17]+T[2]}: the
   * char-table obfuscation that needs no accessor. Plain arrays indexed now and then do not count.
   */
  private static int charBuilding(StringArrayModel m) {
    int n = 0;
    List<Tok> toks = m.toks;
    for (int k = 0; k + 7 < toks.size() && n < 3; k++) {
      if (indexed(m, k) && toks.get(k + 4).is("+") && indexed(m, k + 5)
          && toks.get(k).text().equals(toks.get(k + 5).text())) {
        n++;
        k += 4;
      }
    }
    return n;
  }

  /** Direct uses {@code _0xabc[3]} of a table with an obfuscator's name (older tools need no accessor). */
  private static int hexIndexed(StringArrayModel m) {
    int n = 0;
    for (int k = 0; k < m.toks.size() && n < 3; k++) {
      if (indexed(m, k) && m.toks.get(k).text().startsWith("_0x")) {
        n++;
      }
    }
    return n;
  }

  /** {@code TABLE[number]} on a table whose order is known, inside the range. */
  private static boolean indexed(StringArrayModel m, int k) {
    List<Tok> toks = m.toks;
    Tok t = toks.get(k);
    if (t.kind() != Kind.IDENT || k + 3 >= toks.size() || !toks.get(k + 1).is("[") || !toks.get(k + 3).is("]")
        || toks.get(k + 2).kind() != Kind.NUM || k > 0 && toks.get(k - 1).is(".")) {
      return false;
    }
    Table table = m.tables.get(t.text());
    if (table == null || !table.solved) {
      return false;
    }
    try {
      return table.at(ConstEval.numberLiteral(toks.get(k + 2).text())) instanceof String;
    } catch (ConstEval.Unresolved e) {
      return false;
    }
  }

  /** Whether the table behind a name had its rotation worked out (or needs none). */
  private static boolean solved(StringArrayModel m, Calls calls, String name) {
    String n = calls.target(name);
    for (int hop = 0; hop < MAX_ALIAS_HOPS * 4 && m.wrappers.containsKey(n); hop++) {
      n = calls.target(m.wrappers.get(n).callee());
    }
    Accessor a = m.accessors.get(n);
    return a != null && a.table().solved;
  }

  /** Empties the table literal, the accessors' and rotation loops' bodies: they are noise now. */
  private static void blank(StringArrayModel m, Map<Integer, int[]> spans, Map<Integer, String> repl) {
    List<int[]> ranges = new ArrayList<>();
    for (Table t : m.tables.values()) {
      ranges.add(new int[] {t.open, t.close, '['});
    }
    for (Accessor a : m.accessors.values()) {
      ranges.add(new int[] {a.bodyOpen(), a.bodyClose(), '{'});
    }
    for (Rotation r : m.rotations) {
      ranges.add(new int[] {r.bodyOpen(), r.bodyClose(), '{'});
    }
    for (int[] r : ranges) {
      if (r[1] <= r[0]) {
        continue;
      }
      int from = m.toks.get(r[0]).start();
      int to = m.toks.get(r[1]).end();
      spans.entrySet().removeIf(e -> e.getKey() >= from && e.getValue()[1] <= to);
      boolean overlaps = spans.values().stream().anyMatch(s -> s[0] < to && s[1] > from);
      if (!overlaps) {
        spans.put(from, new int[] {from, to});
        repl.put(from, r[2] == '[' ? "[]" : "{}");
      }
    }
  }

  private static String rewrite(String text, List<Tok> toks, Map<Integer, int[]> spans, Map<Integer, String> repl) {
    StringBuilder b = new StringBuilder(text.length());
    int at = 0;
    for (int[] s : spans.values()) {
      if (s[0] < at) {
        continue;
      }
      b.append(text, at, s[0]).append(repl.get(s[0]));
      at = s[1];
    }
    return b.append(text, at, text.length()).toString();
  }

  /** A single-quoted JS string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> b.append("\\'");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('\'').toString();
  }
}
