package dev.bulwark.analysis.deobf;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
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
    if (!text.contains("fromCharCode") && !text.contains("chr(") && !text.contains("bytes") && !text.contains("Buffer.from") && !text.contains("Uint8Array")) {
      return out;
    }
    for (Pattern p : new Pattern[] {FROM_CHAR_CODE, BYTES_LIST, CHR_CHAIN}) {
      Matcher m = p.matcher(text);
      int found = 0;
      while (found++ < MAX_CANDIDATES && m.find()) {
        String fragment = p == CHR_CHAIN ? m.group() : m.group(1);
        add(out, m.start(), codes(fragment, maxBytes), p == FROM_CHAR_CODE ? "fromCharCode" : p == CHR_CHAIN ? "chr" : "bytes");
      }
    }
    return out;
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
