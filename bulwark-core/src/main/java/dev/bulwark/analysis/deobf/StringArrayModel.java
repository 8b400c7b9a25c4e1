package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.deobf.JsLexer.Kind;
import dev.bulwark.analysis.deobf.JsLexer.Tok;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a string-array obfuscation found in one token list, by shape only (names are
 * random, so none is assumed): the string tables, the accessor functions that index them with an
 * offset (and maybe decode), the wrapper functions that forward to an accessor with shuffled,
 * shifted arguments, plain aliases, and the rotation loops with their check expressions.
 */
final class StringArrayModel {
  static final int MAX_TABLE = 50_000;
  private static final int MAX_FUNCTIONS = 20_000;

  /** A string table: {@code function K(){var a=[…];…}} or {@code var K=[…]}. */
  static final class Table {
    final String key;
    final List<String> entries;
    final int open;
    final int close;
    int rotation;
    boolean rotated;
    boolean solved = true;

    Table(String key, List<String> entries, int open, int close) {
      this.key = key;
      this.entries = entries;
      this.open = open;
      this.close = close;
    }

    Object at(double index) {
      int n = entries.size();
      if (index != Math.rint(index) || index < 0 || index >= n) {
        return ConstEval.UNDEFINED;
      }
      return entries.get((int) ((index + rotation) % n));
    }
  }

  /** A function that returns table[arg0 - offset], decoded with the cipher (key: arg1). */
  record Accessor(String name, Table table, double offset, ArrayCipher cipher, int bodyOpen, int bodyClose) {}

  /** {@code function name(params){return callee(args…);}}: args are tokens (argOpen, argClose). */
  record Wrapper(String name, List<String> params, String callee, int argOpen, int argClose) {}

  /** A rotation loop: {@code while(!![]){try{v=check; if(v===target)break; …}}} or a fixed count. */
  record Rotation(String tableKey, int checkFrom, int checkTo, double target, boolean fixedCount,
      int bodyOpen, int bodyClose) {}

  final List<Tok> toks;
  final int[] match;
  final Map<String, Table> tables = new LinkedHashMap<>();
  final Map<String, Accessor> accessors = new LinkedHashMap<>();
  final Map<String, Wrapper> wrappers = new HashMap<>();
  final Map<String, String> aliases = new HashMap<>();
  final List<Rotation> rotations = new ArrayList<>();
  final java.util.Set<String> shiftedTables = new java.util.HashSet<>();

  StringArrayModel(List<Tok> toks) {
    this.toks = toks;
    this.match = JsLexer.matching(toks);
    findTables();
    if (!tables.isEmpty()) {
      findFunctions();
      findAliases();
      findRotations();
      for (String key : shiftedTables) {
        if (rotations.stream().noneMatch(r -> r.tableKey().equals(key))) {
          tables.get(key).solved = false;
        }
      }
    }
  }

  private boolean is(int k, String s) {
    return k >= 0 && k < toks.size() && toks.get(k).is(s);
  }

  private boolean ident(int k) {
    return k >= 0 && k < toks.size() && toks.get(k).kind() == Kind.IDENT;
  }

  private boolean declares(int k) {
    return is(k, "var") || is(k, "const") || is(k, "let") || is(k, ",");
  }

  private void findTables() {
    for (int k = 0; k + 8 < toks.size(); k++) {
      if (is(k, "function") && ident(k + 1) && is(k + 2, "(") && is(k + 3, ")") && is(k + 4, "{")
          && declares(k + 5) && ident(k + 6) && is(k + 7, "=") && is(k + 8, "[")) {
        Optional<List<String>> arr = strings(k + 8, 3);
        if (arr.isPresent() && match[k + 4] > k) {
          String key = toks.get(k + 1).text();
          tables.putIfAbsent(key, new Table(key, arr.get(), k + 8, match[k + 8]));
          k = match[k + 4];
        }
      } else if (ident(k) && is(k + 1, "=") && toks.get(k + 2).kind() == Kind.STR && !is(k - 1, ".")
          && (is(k + 3, ";") || is(k + 3, ",")) && charTable(toks.get(k + 2).str())) {
        // a string of distinct characters that code spells words from, T[4] + T[17] + …
        String key = toks.get(k).text();
        List<String> chars = toks.get(k + 2).str().codePoints().mapToObj(Character::toString).toList();
        tables.putIfAbsent(key, new Table(key, chars, k + 2, k + 2));
      } else if (ident(k) && is(k + 1, "=") && is(k + 2, "[") && declares(k - 1)) {
        Optional<List<String>> arr = strings(k + 2, 5);
        if (arr.isPresent()) {
          String key = toks.get(k).text();
          tables.putIfAbsent(key, new Table(key, arr.get(), k + 2, match[k + 2]));
          k = match[k + 2];
        }
      }
    }
  }

  /** Twenty to two hundred characters, nearly all distinct: an alphabet to spell strings from. */
  private static boolean charTable(String s) {
    if (s.length() < 20 || s.length() > 200) {
      return false;
    }
    long distinct = s.chars().distinct().count();
    return distinct * 10 >= s.length() * 9L;
  }

  /** The strings of an array literal made only of string literals, at least {@code min}. */
  private Optional<List<String>> strings(int open, int min) {
    int close = match[open];
    if (close < 0) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (int k = open + 1; k < close; k += 2) {
      if (toks.get(k).kind() != Kind.STR || !(is(k + 1, ",") || k + 1 == close) || out.size() >= MAX_TABLE) {
        return Optional.empty();
      }
      out.add(toks.get(k).str());
    }
    return out.size() >= min ? Optional.of(out) : Optional.empty();
  }

  private void findFunctions() {
    int seen = 0;
    for (int k = 0; k < toks.size() && seen < MAX_FUNCTIONS; k++) {
      if (!is(k, "function")) {
        continue;
      }
      seen++;
      String name = ident(k + 1) ? toks.get(k + 1).text()
          : is(k - 1, "=") && ident(k - 2) ? toks.get(k - 2).text() : "";
      int open = ident(k + 1) ? k + 2 : k + 1;
      if (name.isEmpty() || !is(open, "(") || match[open] < 0 || !is(match[open] + 1, "{")) {
        continue;
      }
      List<String> params = new ArrayList<>();
      for (int p = open + 1; p < match[open]; p++) {
        if (ident(p)) {
          params.add(toks.get(p).text());
        } else if (!is(p, ",")) {
          params = null;
          break;
        }
      }
      int body = match[open] + 1;
      if (params == null || match[body] < 0) {
        continue;
      }
      wrapper(name, params, body);
      if (!params.isEmpty() && params.size() <= 3 && !tables.containsKey(name)) {
        accessor(name, body);
      }
    }
  }

  private void wrapper(String name, List<String> params, int body) {
    int close = match[body];
    if (is(body + 1, "return") && ident(body + 2) && is(body + 3, "(") && match[body + 3] > 0) {
      int argClose = match[body + 3];
      if (argClose + 1 == close || is(argClose + 1, ";") && argClose + 2 == close) {
        wrappers.putIfAbsent(name, new Wrapper(name, params, toks.get(body + 2).text(), body + 3, argClose));
      }
    }
  }

  /** Accessors are short: the table reference and the index shift open the body. */
  private static final int HEAD_TOKENS = 48;
  private static final int MAX_ACCESSOR_TOKENS = 6_000;

  private void accessor(String name, int body) {
    int close = match[body];
    if (close - body > MAX_ACCESSOR_TOKENS) {
      return;
    }
    int head = Math.min(close, body + HEAD_TOKENS);
    Table table = null;
    double offset = 0;
    boolean offsetFound = false;
    String alphabet = "";
    boolean indexed = false;
    for (int k = body + 1; k < close; k++) {
      Tok t = toks.get(k);
      if (table == null && k < head && t.kind() == Kind.IDENT && tables.containsKey(t.text()) && !is(k - 1, ".")) {
        table = tables.get(t.text());
        indexed = is(k + 1, "[") && ident(k + 2) && is(k + 3, "]");
      } else if (t.kind() == Kind.STR && alphabet.isEmpty() && ArrayCipher.isAlphabet(t.str())) {
        alphabet = t.str();
      } else if (!offsetFound && k < head && param(body, k) && (is(k + 1, "=") && ident(k + 2) && toks.get(k + 2).text().equals(t.text())
          && (is(k + 3, "-") || is(k + 3, "+")) || is(k + 1, "-="))) {
        int from = is(k + 1, "-=") ? k + 2 : k + 4;
        int to = expressionEnd(from, close);
        try {
          double v = ConstEval.num(ConstEval.eval(toks, from, to, Map.of(), (n, a, d) -> {
            throw ConstEval.Unresolved.INSTANCE;
          }, 0));
          offset = is(k + 3, "+") && !is(k + 1, "-=") ? -v : v;
          offsetFound = true;
        } catch (ConstEval.Unresolved e) {
          // not a constant shift
        }
      }
    }
    if (table == null || !offsetFound && !indexed) {
      return;
    }
    ArrayCipher cipher = alphabet.isEmpty() ? ArrayCipher.PLAIN
        : new ArrayCipher(ArrayCipher.Mode.BASE64, alphabet);
    accessors.putIfAbsent(name, new Accessor(name, table, offset, cipher, body, close));
  }

  /**
   * Whether token {@code k} is a parameter of the function whose body opens at {@code body} or of
   * a function expression between there and {@code k} (the accessor that reassigns itself).
   */
  private boolean param(int body, int k) {
    if (!ident(k) || !(is(k - 1, "{") || is(k - 1, ";") || is(k - 1, ",") || is(k - 1, "["))) {
      return false;
    }
    int from = body > 0 && match[body - 1] >= 0 ? match[body - 1] : body;
    String name = toks.get(k).text();
    for (int p = from; p < k; p++) {
      if (ident(p) && toks.get(p).text().equals(name) && (is(p - 1, "(") || is(p - 1, ","))
          && (is(p + 1, ")") || is(p + 1, ","))) {
        return true;
      }
    }
    return false;
  }

  /** The first ',' ';' or closing bracket at the nesting level of {@code from}, before {@code limit}. */
  int expressionEnd(int from, int limit) {
    for (int k = from; k < limit; k++) {
      Tok t = toks.get(k);
      if (t.is(",") || t.is(";") || t.is(")") || t.is("]") || t.is("}")) {
        return k;
      }
      if ((t.is("(") || t.is("[") || t.is("{")) && match[k] > k) {
        k = match[k];
      }
    }
    return limit;
  }

  private void findAliases() {
    for (int k = 1; k + 3 < toks.size(); k++) {
      if (ident(k) && is(k + 1, "=") && ident(k + 2) && declares(k - 1)
          && (is(k + 3, ",") || is(k + 3, ";") || is(k + 3, ")") || is(k + 3, "}"))) {
        aliases.putIfAbsent(toks.get(k).text(), toks.get(k + 2).text());
      }
    }
  }

  private void findRotations() {
    for (int k = 0; k + 8 < toks.size(); k++) {
      boolean forever = is(k, "while") && is(k + 1, "(") && (is(k + 2, "!") && is(k + 3, "!") && is(k + 4, "[")
          && is(k + 5, "]") && is(k + 6, ")") && is(k + 7, "{") || is(k + 2, "true") && is(k + 3, ")") && is(k + 4, "{"));
      boolean countdown = is(k, "while") && is(k + 1, "(") && is(k + 2, "--") && ident(k + 3) && is(k + 4, ")")
          || is(k, "for") && is(k + 1, "(") && is(k + 2, ";") && is(k + 3, "--") && ident(k + 4) && is(k + 5, ";");
      if ((is(k, "shift") || toks.get(k).kind() == Kind.STR && toks.get(k).str().equals("shift"))) {
        shifted(k);
      }
      if (forever) {
        checkedRotation(k, is(k + 2, "true") ? k + 4 : k + 7);
      } else if (countdown) {
        countedRotation(k);
      }
    }
  }

  /**
   * A {@code shift} inside a function invoked with a table: the table is rotated there. When no
   * rotation loop this model understands is found for it, its order is unknown.
   */
  private void shifted(int k) {
    enclosingCall(k, "").ifPresent(call -> shiftedTables.add(call.table()));
  }

  private void checkedRotation(int k, int loopOpen) {
    int t = loopOpen + 1;
    if (!is(t, "try") || !is(t + 1, "{")) {
      return;
    }
    int s = t + 2;
    if (is(s, "var") || is(s, "const") || is(s, "let")) {
      s++;
    }
    if (!ident(s) || !is(s + 1, "=")) {
      return;
    }
    String v = toks.get(s).text();
    int from = s + 2;
    int to = expressionEnd(from, match[t + 1]);
    if (!is(to, ";") && !is(to, ",")) {
      return;
    }
    int c = to + 1;
    if (!(is(c, "if") && is(c + 1, "(") && (is(c + 3, "===") || is(c + 3, "=="))) || !is(c + 5, ")")) {
      return;
    }
    String a = toks.get(c + 2).text();
    String b = toks.get(c + 4).text();
    String targetParam = a.equals(v) ? b : b.equals(v) ? a : "";
    enclosingCall(k, targetParam).ifPresent(call -> rotations.add(
        new Rotation(call.table, from, to, call.target, false, call.bodyOpen, match[call.bodyOpen])));
  }

  private void countedRotation(int k) {
    enclosingCall(k, "").ifPresent(call -> rotations.add(
        new Rotation(call.table, 0, 0, call.target, true, call.bodyOpen, match[call.bodyOpen])));
  }

  private record Call(String table, double target, int bodyOpen) {}

  /**
   * The outermost-but-one invoked function around token {@code k}, {@code (function(a, t){…}(TABLE,
   * N))}: the table argument and the constant passed for {@code param} (or the last argument).
   */
  private Optional<Call> enclosingCall(int k, String param) {
    for (int f = k - 1; f >= 0 && k - f < 4_000; f--) {
      if (!is(f, "function") || !is(f + 1, "(") || match[f + 1] < 0 || !is(match[f + 1] + 1, "{")) {
        continue;
      }
      int body = match[f + 1] + 1;
      int end = match[body];
      if (end < k) {
        continue;
      }
      int args = is(end + 1, "(") ? end + 1 : is(end + 1, ")") && is(end + 2, "(") ? end + 2 : -1;
      if (args < 0 || match[args] < 0 || !ident(args + 1) || !tables.containsKey(toks.get(args + 1).text())
          || !is(args + 2, ",")) {
        continue;
      }
      List<String> params = new ArrayList<>();
      for (int p = f + 2; p < match[f + 1]; p++) {
        if (ident(p)) {
          params.add(toks.get(p).text());
        }
      }
      int want = param.isEmpty() ? 1 : params.indexOf(param);
      if (want < 1) {
        return Optional.empty();
      }
      try {
        List<Object> values = ConstEval.args(toks, args + 2, match[args], match, Map.of(), (n, a, d) -> {
          throw ConstEval.Unresolved.INSTANCE;
        }, 0);
        if (values.size() < want) {
          return Optional.empty();
        }
        return Optional.of(new Call(toks.get(args + 1).text(), ConstEval.num(values.get(want - 1)), body));
      } catch (ConstEval.Unresolved e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
