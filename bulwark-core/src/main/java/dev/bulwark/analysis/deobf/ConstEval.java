package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.deobf.JsLexer.Kind;
import dev.bulwark.analysis.deobf.JsLexer.Tok;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates constant JavaScript expressions over tokens, with JavaScript's number and string
 * semantics: numbers, strings, unary {@code - + ! ~}, {@code + - * / %}, parentheses,
 * {@code parseInt(…)} and calls of functions the caller knows (string-array accessors and their
 * wrappers). Nothing else is evaluated: any other construct makes the expression unresolvable.
 * Values are {@link Double}, {@link String} or {@link #UNDEFINED}.
 */
final class ConstEval {
  /** JavaScript's undefined (an array index out of range). */
  static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "undefined";
    }
  };

  /** Calls of named functions the caller resolves; throws {@link Unresolved} when it cannot. */
  interface Calls {
    Object call(String name, List<Object> args, int depth);
  }

  /** The expression is not a constant this evaluator understands. */
  static final class Unresolved extends RuntimeException {
    static final Unresolved INSTANCE = new Unresolved();

    private Unresolved() {
      super("unresolved", null, false, false);
    }
  }

  private static final int MAX_DEPTH = 64;

  private final List<Tok> toks;
  private final Map<String, Object> env;
  private final Calls calls;
  private final int depth;
  private int pos;
  private final int end;

  private ConstEval(List<Tok> toks, int from, int to, Map<String, Object> env, Calls calls, int depth) {
    this.toks = toks;
    this.pos = from;
    this.end = to;
    this.env = env;
    this.calls = calls;
    this.depth = depth;
  }

  /** The value of tokens [from, to), or throws {@link Unresolved}. */
  static Object eval(List<Tok> toks, int from, int to, Map<String, Object> env, Calls calls, int depth) {
    if (depth > MAX_DEPTH || from >= to) {
      throw Unresolved.INSTANCE;
    }
    ConstEval e = new ConstEval(toks, from, to, env, calls, depth);
    Object v = e.additive();
    if (e.pos != to) {
      throw Unresolved.INSTANCE;
    }
    return v;
  }

  /** Splits the argument tokens (from, to) of a call at top-level commas and evaluates each. */
  static List<Object> args(List<Tok> toks, int open, int close, int[] match, Map<String, Object> env, Calls calls,
      int depth) {
    List<Object> out = new ArrayList<>();
    int start = open + 1;
    for (int k = open + 1; k <= close; k++) {
      Tok t = toks.get(k);
      if (k == close || t.is(",")) {
        if (k > start) {
          out.add(eval(toks, start, k, env, calls, depth));
        }
        start = k + 1;
      } else if (t.is("(") || t.is("[") || t.is("{")) {
        if (match[k] < 0 || match[k] > close) {
          throw Unresolved.INSTANCE;
        }
        k = match[k];
      }
    }
    return out;
  }

  private Object additive() {
    Object v = multiplicative();
    while (pos < end && (peek("+") || peek("-"))) {
      boolean plus = toks.get(pos++).text().equals("+");
      Object r = multiplicative();
      v = plus ? add(v, r) : (Object) (num(v) - num(r));
    }
    return v;
  }

  private Object multiplicative() {
    Object v = unary();
    while (pos < end && (peek("*") || peek("/") || peek("%"))) {
      String op = toks.get(pos++).text();
      double r = num(unary());
      double l = num(v);
      v = switch (op) {
        case "*" -> l * r;
        case "/" -> l / r;
        default -> l % r;
      };
    }
    return v;
  }

  private Object unary() {
    if (pos >= end) {
      throw Unresolved.INSTANCE;
    }
    if (peek("-")) {
      pos++;
      return -num(unary());
    }
    if (peek("+")) {
      pos++;
      return num(unary());
    }
    if (peek("~")) {
      pos++;
      return (double) ~toInt32(num(unary()));
    }
    return primary();
  }

  private Object primary() {
    Tok t = toks.get(pos++);
    switch (t.kind()) {
      case NUM:
        return numberLiteral(t.text());
      case STR:
        return t.str();
      case PUNCT:
        if (t.is("(")) {
          Object v = additive();
          expect(")");
          return v;
        }
        throw Unresolved.INSTANCE;
      case IDENT:
        if (pos < end && peek("(")) {
          return call(t.text());
        }
        Object v = env.get(t.text());
        if (v == null) {
          throw Unresolved.INSTANCE;
        }
        return v;
      default:
        throw Unresolved.INSTANCE;
    }
  }

  private Object call(String name) {
    int open = pos;
    int depthCount = 0;
    int close = -1;
    for (int k = open; k < end; k++) {
      Tok t = toks.get(k);
      if (t.is("(")) {
        depthCount++;
      } else if (t.is(")") && --depthCount == 0) {
        close = k;
        break;
      }
    }
    if (close < 0) {
      throw Unresolved.INSTANCE;
    }
    List<Object> args = new ArrayList<>();
    int start = open + 1;
    int nest = 0;
    for (int k = open + 1; k <= close; k++) {
      Tok t = toks.get(k);
      if (t.is("(")) {
        nest++;
      } else if (t.is(")") && k < close) {
        nest--;
      }
      if (k == close || nest == 0 && t.is(",")) {
        if (k > start) {
          args.add(eval(toks, start, k, env, calls, depth + 1));
        }
        start = k + 1;
      }
    }
    pos = close + 1;
    if (name.equals("parseInt")) {
      return args.isEmpty() ? Double.NaN : parseInt(str(args.get(0)));
    }
    return calls.call(name, args, depth + 1);
  }

  private boolean peek(String s) {
    return toks.get(pos).is(s);
  }

  private void expect(String s) {
    if (pos >= end || !peek(s)) {
      throw Unresolved.INSTANCE;
    }
    pos++;
  }

  static Object add(Object a, Object b) {
    if (a instanceof String || b instanceof String) {
      return str(a) + str(b);
    }
    return num(a) + num(b);
  }

  /** JavaScript ToNumber. */
  static double num(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return 0;
      }
      if (t.length() > 2 && t.charAt(0) == '0' && "xXoObB".indexOf(t.charAt(1)) >= 0) {
        return radix(t.substring(2), t.charAt(1));
      }
      for (int i = 0; i < t.length(); i++) {
        if ("0123456789.eE+-".indexOf(t.charAt(i)) < 0) {
          return t.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.NaN;
        }
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static double radix(String digits, char kind) {
    int r = kind == 'x' || kind == 'X' ? 16 : kind == 'o' || kind == 'O' ? 8 : 2;
    double v = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), r);
      if (d < 0) {
        return Double.NaN;
      }
      v = v * r + d;
    }
    return digits.isEmpty() ? Double.NaN : v;
  }

  /** A numeric literal's value: hex, octal, binary, decimal with exponent, separators. */
  static double numberLiteral(String raw) {
    String t = raw.replace("_", "");
    if (t.endsWith("n")) {
      t = t.substring(0, t.length() - 1);
    }
    double v = num(t);
    if (Double.isNaN(v)) {
      throw Unresolved.INSTANCE;
    }
    return v;
  }

  /** JavaScript parseInt without a radix: leading integer (decimal or 0x hex), else NaN. */
  static double parseInt(String s) {
    String t = s.stripLeading();
    int i = 0;
    boolean neg = false;
    if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
      neg = t.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    if (t.startsWith("0x", i) || t.startsWith("0X", i)) {
      radix = 16;
      i += 2;
    }
    int start = i;
    while (i < t.length() && Character.digit(t.charAt(i), radix) >= 0 && t.charAt(i) < 128) {
      i++;
    }
    if (i == start) {
      return Double.NaN;
    }
    double v = radix == 10 ? new BigDecimal(t.substring(start, i)).doubleValue() : radix(t.substring(start, i), 'x');
    return neg ? -v : v;
  }

  /** JavaScript ToString of a value (integers without a fraction). */
  static String str(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        return Long.toString(d.longValue());
      }
      return d.toString();
    }
    return "undefined";
  }

  private static int toInt32(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return 0;
    }
    return (int) (long) d;
  }

  static boolean isNumber(Tok t) {
    return t.kind() == Kind.NUM;
  }
}
