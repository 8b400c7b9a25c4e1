package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Character codes written as integer arithmetic, as some Python obfuscators emit:
 * {@code ''.join(map(getattr(__builtins__, …), [(((1 << 4) - 1) << 3) - 1, …]))}. Each list after
 * {@code map(} whose items all fold to valid code points becomes text. Folding is plain integer
 * arithmetic (+ - * // % << >> & | ^ ~ and parentheses) on literals with bounded values; names,
 * calls and anything else make the list unreadable, and nothing is ever executed.
 */
final class ArithmeticCharsTechnique implements Technique {
  private static final int MAX_LIST = 20_000;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    if (!Gates.contains(text, "map(")) {
      return out;
    }
    int from = 0;
    while (out.size() < MAX_CANDIDATES) {
      int map = text.indexOf("map(", from);
      if (map < 0) {
        break;
      }
      from = map + 4;
      // The list is the first bracket after map( that folds; earlier ones may be subscripts.
      for (int open = text.indexOf('[', from); open >= 0 && open - from <= 300; open = text.indexOf('[', open + 1)) {
        int close = matching(text, open);
        if (close < 0 || close - open > MAX_LIST) {
          break;
        }
        String s = fold(text.substring(open + 1, close));
        if (s.length() >= 3 && Decoders.printable(s)) {
          out.add(new Reveal("arithmetic-chars", map, s, s.length() < 200));
          from = close;
          break;
        }
      }
    }
    return out;
  }

  private static int matching(String t, int open) {
    int depth = 0;
    for (int i = open; i < t.length() && i - open <= MAX_LIST; i++) {
      char c = t.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The list items folded to characters, "" when any item is not plain arithmetic. */
  static String fold(String list) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= list.length(); i++) {
      char c = i < list.length() ? list.charAt(i) : ',';
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String item = list.substring(start, i).strip();
        start = i + 1;
        if (item.isEmpty() && i == list.length()) {
          break;
        }
        OptionalLong v = new Arith(item).parse();
        if (v.isEmpty() || v.getAsLong() < 0 || v.getAsLong() > 0x10FFFF) {
          return "";
        }
        b.appendCodePoint((int) v.getAsLong());
      }
    }
    return b.toString();
  }

  /** A recursive-descent integer expression folder with Python's precedence. */
  private static final class Arith {
    private static final long LIMIT = 1L << 40;
    private final String s;
    private int i;
    private boolean bad;

    Arith(String s) {
      this.s = s;
    }

    OptionalLong parse() {
      long v = or(0);
      skip();
      return bad || i != s.length() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private long or(int d) {
      long v = xor(d);
      while (!bad && eat("|")) {
        v |= xor(d);
      }
      return v;
    }

    private long xor(int d) {
      long v = and(d);
      while (!bad && eat("^")) {
        v ^= and(d);
      }
      return v;
    }

    private long and(int d) {
      long v = shift(d);
      while (!bad && eat("&")) {
        v &= shift(d);
      }
      return v;
    }

    private long shift(int d) {
      long v = sum(d);
      while (!bad) {
        if (eat("<<")) {
          long r = sum(d);
          v = r < 0 || r > 40 ? fail() : check(v << r);
        } else if (eat(">>")) {
          long r = sum(d);
          v = r < 0 || r > 62 ? fail() : v >> r;
        } else {
          break;
        }
      }
      return v;
    }

    private long sum(int d) {
      long v = product(d);
      while (!bad) {
        if (eat("+")) {
          v = check(v + product(d));
        } else if (eat("-")) {
          v = check(v - product(d));
        } else {
          break;
        }
      }
      return v;
    }

    private long product(int d) {
      long v = unary(d);
      while (!bad) {
        if (eat("*")) {
          v = check(v * unary(d));
        } else if (eat("//")) {
          long r = unary(d);
          v = r == 0 ? fail() : Math.floorDiv(v, r);
        } else if (eat("%")) {
          long r = unary(d);
          v = r == 0 ? fail() : Math.floorMod(v, r);
        } else {
          break;
        }
      }
      return v;
    }

    private long unary(int d) {
      if (d > 64) {
        return fail();
      }
      if (eat("-")) {
        return -unary(d + 1);
      }
      if (eat("+")) {
        return unary(d + 1);
      }
      if (eat("~")) {
        return ~unary(d + 1);
      }
      if (eat("(")) {
        long v = or(d + 1);
        return eat(")") ? v : fail();
      }
      return number();
    }

    private long number() {
      skip();
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 12) {
        i++;
      }
      return i == start ? fail() : Long.parseLong(s.substring(start, i));
    }

    private boolean eat(String tok) {
      skip();
      if (s.startsWith(tok, i) && !(tok.equals("*") && s.startsWith("**", i))
          && !(tok.equals("<") || tok.equals(">"))) {
        i += tok.length();
        return true;
      }
      return false;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private long check(long v) {
      return Math.abs(v) > LIMIT ? fail() : v;
    }

    private long fail() {
      bad = true;
      return 0;
    }
  }
}
