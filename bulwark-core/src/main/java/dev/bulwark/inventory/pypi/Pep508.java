package dev.bulwark.inventory.pypi;

import java.util.ArrayList;
import java.util.List;

/**
 * A PEP 508 dependency specifier reader. Written by hand because no Java library parses PEP 508;
 * it makes one left-to-right pass over the text (linear time, no regex, no recursion) and keeps
 * the marker as text, since Bulwark reports a dependency whatever its environment.
 */
final class Pep508 {
  /** Longest specifier accepted; real ones are well under 1 KiB. */
  static final int MAX_LENGTH = 8192;

  private static final String[] OPERATORS = {"===", "==", "!=", "<=", ">=", "~=", "<", ">"};

  private Pep508() {}

  /**
   * One parsed requirement.
   *
   * @param name the name as written (not normalised)
   * @param extras the extras, as written
   * @param specifier the version specifier set without spaces ("" when none)
   * @param url the direct URL after {@code @} ("" when none)
   * @param marker the environment marker text ("" when none)
   */
  record Requirement(String name, List<String> extras, String specifier, String url, String marker) {
    Requirement {
      extras = List.copyOf(extras);
    }

    Pin pin() {
      return Pin.ofSpecifier(specifier);
    }
  }

  /** A requirement that is not valid PEP 508; the message says why. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  static Requirement parse(String text) throws SyntaxError {
    if (text.length() > MAX_LENGTH) {
      throw new SyntaxError("requirement is longer than " + MAX_LENGTH + " characters");
    }
    Cursor c = new Cursor(text);
    c.skipSpace();
    String name = c.name();
    c.skipSpace();
    List<String> extras = c.peek() == '[' ? c.extras() : List.of();
    c.skipSpace();
    String url = "";
    String spec = "";
    if (c.peek() == '@') {
      c.pos++;
      c.skipSpace();
      url = c.until(true);
      if (url.isEmpty()) {
        throw new SyntaxError("missing URL after '@'");
      }
    } else {
      spec = versionSpec(c);
    }
    c.skipSpace();
    String marker = "";
    if (c.peek() == ';') {
      marker = text.substring(c.pos + 1).trim();
      if (marker.isEmpty()) {
        throw new SyntaxError("empty environment marker after ';'");
      }
    } else if (!c.atEnd()) {
      throw new SyntaxError("unexpected '" + c.peek() + "' at column " + (c.pos + 1));
    }
    return new Requirement(name, extras, spec, url, marker);
  }

  private static String versionSpec(Cursor c) throws SyntaxError {
    boolean paren = c.peek() == '(';
    if (paren) {
      c.pos++;
    }
    int start = c.pos;
    while (!c.atEnd() && c.peek() != ';' && c.peek() != ')') {
      c.pos++;
    }
    String raw = c.text.substring(start, c.pos);
    if (paren) {
      if (c.peek() != ')') {
        throw new SyntaxError("unclosed '(' in version specifier");
      }
      c.pos++;
    } else if (c.peek() == ')') {
      throw new SyntaxError("unexpected ')'");
    }
    return checkSpecifierSet(raw);
  }

  /** Validates "op version, op version" and returns it without spaces. */
  static String checkSpecifierSet(String raw) throws SyntaxError {
    if (raw.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : raw.split(",", -1)) {
      String clause = part.trim();
      String op = operatorOf(clause);
      if (op.isEmpty()) {
        throw new SyntaxError("expected a version operator in '" + shorten(clause) + "'");
      }
      String v = clause.substring(op.length()).trim();
      if (v.isEmpty() || !versionChars(v)) {
        throw new SyntaxError("invalid version in '" + shorten(clause) + "'");
      }
      out.append(out.length() == 0 ? "" : ",").append(op).append(v);
    }
    return out.toString();
  }

  private static String operatorOf(String clause) {
    for (String op : OPERATORS) {
      if (clause.startsWith(op)) {
        return op;
      }
    }
    return "";
  }

  private static boolean versionChars(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok = (c < 128 && Character.isLetterOrDigit(c))
          || c == '.' || c == '*' || c == '+' || c == '!' || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
  }

  static String shorten(String s) {
    return shorten(s, 60);
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** A position in the text being read. */
  private static final class Cursor {
    final String text;
    int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    void skipSpace() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        pos++;
      }
    }

    String name() throws SyntaxError {
      int start = pos;
      while (!atEnd() && isNameChar(peek())) {
        pos++;
      }
      String n = text.substring(start, pos);
      if (n.isEmpty()) {
        throw new SyntaxError(atEnd() ? "missing package name"
            : "a package name cannot start with '" + peek() + "'");
      }
      if (!Character.isLetterOrDigit(n.charAt(0)) || !Character.isLetterOrDigit(n.charAt(n.length() - 1))) {
        throw new SyntaxError("invalid package name '" + shorten(n) + "'");
      }
      return n;
    }

    List<String> extras() throws SyntaxError {
      pos++;
      int close = text.indexOf(']', pos);
      if (close < 0) {
        throw new SyntaxError("unclosed '[' in extras");
      }
      List<String> out = new ArrayList<>();
      for (String e : text.substring(pos, close).split(",", -1)) {
        String t = e.trim();
        if (t.isEmpty() && out.isEmpty() && text.substring(pos, close).isBlank()) {
          break;
        }
        if (t.isEmpty() || !t.chars().allMatch(ch -> isNameChar((char) ch))) {
          throw new SyntaxError("invalid extra '" + shorten(t) + "'");
        }
        out.add(t);
      }
      pos = close + 1;
      return out;
    }

    /** Text up to whitespace (or, when not stopping at spaces, the end). */
    String until(boolean stopAtSpace) {
      int start = pos;
      while (!atEnd() && !(stopAtSpace && Character.isWhitespace(peek()))) {
        pos++;
      }
      return text.substring(start, pos);
    }
  }
}
