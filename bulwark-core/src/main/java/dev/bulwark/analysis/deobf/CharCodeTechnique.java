package dev.bulwark.analysis.deobf;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings built from character codes: JS {@code String.fromCharCode(…)}, Python {@code chr(…)}
 * chains, {@code bytes([…])}, {@code bytearray([…])}, {@code map(chr, […])}, and JS
 * {@code Buffer.from([…])} / {@code new Uint8Array([…])}.
 */
final class CharCodeTechnique implements Technique {
  private static final String NUM = "(?:0[xX][0-9a-fA-F]+|\\d+)";
  private static final Pattern FROM_CHAR_CODE =
      Pattern.compile("fromCharCode\\(\\s*(?:\\.\\.\\.\\s*\\[)?\\s*(" + NUM + "(?:\\s*,\\s*" + NUM + ")*)");
  private static final Pattern CHR_CHAIN =
      Pattern.compile("(?:chr\\(\\s*" + NUM + "\\s*\\)\\s*[+,]?\\s*){3,}");
  private static final Pattern BYTES_LIST = Pattern.compile(
      "(?:bytes|bytearray|map\\(\\s*chr\\s*,|Buffer\\.from\\(|Uint8Array\\()\\s*\\(?\\s*\\[\\s*(" + NUM + "(?:\\s*,\\s*" + NUM + ")*)\\s*,?\\s*\\]");
  private static final Pattern NUMBER = Pattern.compile(NUM);

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    if (!Gates.contains(text, "fromCharCode") && !Gates.contains(text, "chr(") && !Gates.contains(text, "bytes")
        && !Gates.contains(text, "Buffer.from") && !Gates.contains(text, "Uint8Array")) {
      return out;
    }
    for (Pattern p : new Pattern[] {FROM_CHAR_CODE, BYTES_LIST, CHR_CHAIN}) {
      String[] starts = p == FROM_CHAR_CODE ? FROM_CHAR_CODE_STARTS : p == CHR_CHAIN ? CHR_CHAIN_STARTS : BYTES_LIST_STARTS;
      Pattern at = p == FROM_CHAR_CODE ? FROM_CHAR_CODE_AT : p == CHR_CHAIN ? CHR_CHAIN_AT : BYTES_LIST_AT;
      Anchored m = new Anchored(at, text, starts);
      int found = 0;
      while (found++ < MAX_CANDIDATES && m.find()) {
        String fragment = p == CHR_CHAIN ? m.group(0) : m.group(1);
        add(out, m.start(), codes(fragment, maxBytes), p == FROM_CHAR_CODE ? "fromCharCode" : p == CHR_CHAIN ? "chr" : "bytes");
      }
    }
    return out;
  }

  // Every match of a pattern begins with one of its start literals (each pattern opens with them).
  private static final String[] FROM_CHAR_CODE_STARTS = {"fromCharCode("};
  private static final String[] CHR_CHAIN_STARTS = {"chr("};
  private static final String[] BYTES_LIST_STARTS = {"bytes", "bytearray", "map(", "Buffer.from(", "Uint8Array("};
  private static final Pattern FROM_CHAR_CODE_AT = Anchored.anchor(FROM_CHAR_CODE);
  private static final Pattern CHR_CHAIN_AT = Anchored.anchor(CHR_CHAIN);
  private static final Pattern BYTES_LIST_AT = Anchored.anchor(BYTES_LIST);

  /**
   * The successive leftmost matches of a pattern whose every match begins with one of a few
   * literals, as {@code Matcher.find()} returns them, found without running the regex over the
   * whole text: RE2/J has no DFA, and a pattern that opens with an alternation cost an NFA step per
   * character of every file that merely contains the word "bytes". Candidate starts are the
   * literals' occurrences, in order; the first at which the pattern matches anchored
   * ({@code lookingAt} on a view of the text, no copy) is the leftmost match, and the same match:
   * leftmost-first picks the preferred match at the leftmost start, which is what an anchored
   * match at that start picks. These patterns have no assertions that look before the start.
   */
  static final class Anchored {
    private final Pattern anchored;
    private final String text;
    private final String[] starts;
    private final int[] next;
    private int from;
    private int start = -1;
    private Matcher m;

    /**
     * {@code anchored} is {@link #anchor} of the pattern: with a leading "^" RE2/J stops an
     * anchored match as soon as no thread is left; without one it steps on to the end of the
     * input, which made every attempt cost the rest of the text.
     */
    Anchored(Pattern anchored, String text, String[] starts) {
      this.anchored = anchored;
      this.text = text;
      this.starts = starts;
      this.next = new int[starts.length];
      java.util.Arrays.fill(next, -2); // not looked up yet
    }

    static Pattern anchor(Pattern p) {
      return Pattern.compile("^(?:" + p.pattern() + ")", p.flags());
    }

    boolean find() {
      while (true) {
        int at = -1;
        for (int k = 0; k < starts.length; k++) {
          // Each literal's next occurrence is looked up again only once passed: no rescans.
          if (next[k] != -1 && next[k] < from) {
            next[k] = text.indexOf(starts[k], from);
          }
          if (next[k] >= 0 && (at < 0 || next[k] < at)) {
            at = next[k];
          }
        }
        if (at < 0) {
          start = -1;
          return false;
        }
        Matcher view = anchored.matcher(CharBuffer.wrap(text, at, text.length()));
        if (view.lookingAt()) {
          m = view;
          start = at;
          from = at + Math.max(1, view.end());
          return true;
        }
        from = at + 1;
      }
    }

    int start() {
      return start;
    }

    String group(int g) {
      return m.group(g);
    }
  }

  private static void add(List<Reveal> out, int at, String s, String technique) {
    if (s.length() >= 2 && Decoders.printable(s)) {
      out.add(new Reveal(technique, at, s, s.length() < 200));
    }
  }

  /** The numbers in a fragment as characters. */
  static String codes(String fragment, int max) {
    StringBuilder b = new StringBuilder();
    Matcher n = NUMBER.matcher(fragment);
    while (b.length() < max && n.find()) {
      String d = n.group();
      try {
        int v = d.startsWith("0x") || d.startsWith("0X") ? Integer.parseInt(d.substring(2), 16) : Integer.parseInt(d);
        if (v < 0 || v > 0x10FFFF) {
          return "";
        }
        b.appendCodePoint(v);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return b.toString();
  }
}
