package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Invisible or misleading characters in code: bidirectional controls (Trojan Source), zero-width
 * characters and Hangul fillers used as identifiers, variation selectors and tag characters used
 * to smuggle data, and identifiers mixing Latin with Cyrillic or Greek look-alike letters.
 */
final class InvisibleUnicodeHeuristic implements Heuristic {
  private static final RuleMeta META = Meta.of("invisible-unicode", "Invisible or look-alike characters in code",
      Severity.HIGH, Confidence.MEDIUM, Category.EVASION, true,
      "The code contains invisible or look-alike characters.",
      "Some characters in the code are invisible (zero-width, bidirectional controls, variation"
          + " selectors) or look like Latin letters but are not.",
      "They make code read differently from how it runs, or hide data and names from reviewers.",
      "Open the file in a hex viewer or an editor that shows invisible characters and read the marked line.",
      "T1027", "https://trojansource.codes/");

  /** The lowest code point {@link #kind} reports (a Hangul filler). */
  private static final char FIRST_SUSPECT = 0x115F;

  @Override
  public String name() {
    return "invisible-unicode";
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    // A decoded payload came from escapes or encoded text that is visible in the shipped file.
    if (f.type().family() != ContentType.Family.CODE || f.type() == ContentType.JSON
        || f.path().contains("!decoded/")) {
      return List.of();
    }
    String t = f.text();
    boolean greekOrCyrillic = false;
    Comments comments = new Comments(t, f.type());
    for (int i = 0; i < t.length(); ) {
      char c = t.charAt(i);
      if (c < FIRST_SUSPECT) { // fast path: every suspect code point is at or above U+115F
        greekOrCyrillic |= c >= 0x0370 && c <= 0x052F;
        i++;
        continue;
      }
      int cp = t.codePointAt(i);
      String kind = kind(t, cp, i, comments);
      if (!kind.isEmpty()) {
        return List.of(new Hit(i, i + Character.charCount(cp), kind + String.format(" U+%04X", cp)));
      }
      i += Character.charCount(cp);
    }
    // Only Greek (U+0370..U+03FF) or Cyrillic (U+0400..U+052F) look-alikes can make a mixed word.
    int h = greekOrCyrillic ? homoglyph(t, comments) : -1;
    return h < 0 ? List.of() : List.of(new Hit(h, h + 1, "identifier mixes Latin and Cyrillic/Greek letters"));
  }

  /**
   * What is suspicious about the code point at {@code index}, "" when nothing. Zero-width joiners
   * count only inside ASCII identifiers (they are normal in Persian text and emoji), and variation
   * selectors only in runs (one after an emoji is normal; payloads use long runs). A zero-width
   * character between letters of a comment is typesetting ({@code _n_\u200Bth} in prose), not a
   * name. Bidirectional controls count in comments and strings too (Trojan Source hides code
   * there), but not beside right-to-left letters: Arabic or Hebrew text uses them to lay out
   * mixed-direction sentences (translation tables ship them), while reordering code needs none.
   */
  private static String kind(String t, int cp, int index, Comments comments) {
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return rangeEndpoint(t, index, cp) || besideRightToLeft(t, index) ? "" : "bidirectional control";
    }
    if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || (cp == 0xFEFF && index > 0)) {
      return identChar(t, index - 1) && identChar(t, index + 1) && !comments.contains(index)
          ? "zero-width character in an identifier" : "";
    }
    if (cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0) {
      return rangeEndpoint(t, index, cp) ? "" : "Hangul filler";
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
      // A supplementary selector follows one ideograph at a time, so two in a row are data.
      int min = cp >= 0xE0100 ? 2 : MIN_SELECTOR_RUN;
      return run(t, index, InvisibleUnicodeHeuristic::isSelector) >= min ? "run of variation selectors" : "";
    }
    if (cp >= 0xE0000 && cp <= 0xE007F) {
      return emojiTag(cp) && run(t, index, c -> c >= 0xE0000 && c <= 0xE007F) < 8 ? "" : "tag character";
    }
    return "";
  }

  /**
   * Emoji subdivision flags (England, Scotland, Wales) are written with lowercase tag letters,
   * tag digits and the cancel tag; text smuggled in tags needs spaces, capitals or punctuation,
   * or long runs. Emoji data and emoji regexes ship the former.
   */
  private static boolean emojiTag(int cp) {
    return cp >= 0xE0030 && cp <= 0xE0039 || cp >= 0xE0061 && cp <= 0xE007A || cp == 0xE007F;
  }

  /** Length in code points (up to 64) of the run of code points {@code in} accepts from {@code index}. */
  private static int run(String t, int index, java.util.function.IntPredicate in) {
    int n = 0;
    for (int i = index; i < t.length() && n < 64; ) {
      int cp = t.codePointAt(i);
      if (!in.test(cp)) {
        break;
      }
      n++;
      i += Character.charCount(cp);
    }
    return n;
  }

  private static boolean identChar(String t, int i) {
    if (i < 0 || i >= t.length()) {
      return false;
    }
    char c = t.charAt(i);
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
  }

  /**
   * Variation selectors that smuggle data encode one byte each, so payloads are long runs; a
   * doubled U+FE0F after an emoji (a typo in a comment or a keyboard table) is not one.
   */
  private static final int MIN_SELECTOR_RUN = 4;

  /**
   * Whether the code point at {@code index} is an end of a range in a table of Unicode ranges
   * (U+AC00-U+D7A3 and the like written as characters, in a character class or a string a RegExp
   * is built from): it touches a {@code -} whose other side is also a non-ASCII character or an
   * escape. Such tables
   * list every block, invisible ones included; the character is data there, it is not hiding code.
   */
  private static boolean rangeEndpoint(String t, int index, int cp) {
    int next = index + Character.charCount(cp);
    boolean after = next + 1 < t.length() && t.charAt(next) == '-'
        && (t.charAt(next + 1) >= 128 || t.charAt(next + 1) == '\\');
    boolean before = index >= 2 && t.charAt(index - 1) == '-'
        && (t.charAt(index - 2) >= 128 || Character.isLowSurrogate(t.charAt(index - 2))
            || hexEscapeEnds(t, index - 1));
    return after || before;
  }

  /** How far, within its line, a right-to-left letter excuses a bidirectional control. */
  private static final int RTL_REACH = 24;

  /**
   * Whether a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation
   * forms) lies within {@link #RTL_REACH} characters of {@code index} on the same line.
   */
  static boolean besideRightToLeft(String t, int index) {
    for (int d = -1; d <= 1; d += 2) {
      for (int i = index + d, k = 0; i >= 0 && i < t.length() && k < RTL_REACH; i += d, k++) {
        char c = t.charAt(i);
        if (c == '\n') {
          break;
        }
        if (c >= 0x0590 && c <= 0x08FF || c >= 0xFB1D && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFC) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the line around {@code index} reads as prose rather than code: none of the brackets,
   * semicolons or equals signs that declare, call or import a name. A look-alike identifier must be
   * declared or called somewhere, and that line still counts; a Cyrillic letter typed into a word
   * of documentation the sniffer took for code is a typo.
   */
  private static boolean proseLine(String t, int index) {
    int from = t.lastIndexOf('\n', index) + 1;
    int to = t.indexOf('\n', index);
    to = to < 0 ? t.length() : to;
    String line = t.substring(from, to).strip();
    if (line.startsWith("import ") || line.startsWith("from ") || line.startsWith("export ")) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      if ("(){}[];=".indexOf(line.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether a backslash-u escape of four hex digits ends just before {@code end}. */
  private static boolean hexEscapeEnds(String t, int end) {
    return end >= 6 && t.charAt(end - 6) == '\\' && t.charAt(end - 5) == 'u';
  }

  private static boolean isSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** Whether the '/' at {@code i} opens a regex literal: it follows an operator or bracket. */
  private static boolean regexStart(String t, int i) {
    if (i + 1 >= t.length() || t.charAt(i + 1) == '/' || t.charAt(i + 1) == '*') {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || "(,=:[!&|?{};\n".indexOf(t.charAt(j)) >= 0;
  }

  /**
   * Greek and Cyrillic letters that look like Latin ones (from the Unicode confusables data,
   * UTS #39): only they can make a word read as another. Letters such as Δ, θ, λ or π in a
   * Latin identifier are math notation ({@code Δx}), visible to any reader.
   */
  private static final String LATIN_LOOKALIKES =
      // Cyrillic capitals and small letters
      "\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425"
      + "\u0430\u0435\u043E\u0440\u0441\u0443\u0445"
      + "\u0405\u0406\u0408\u0455\u0456\u0458\u04AE\u04AF\u04BA\u04BB\u04C0\u04CF"
      + "\u0500\u0501\u051A\u051B\u051C\u051D"
      // Greek capitals and small letters
      + "\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7"
      + "\u03B1\u03B9\u03BA\u03BD\u03BF\u03C1\u03C5";

  /** The Latin letter each of {@link #LATIN_LOOKALIKES} looks like, in the same order. */
  private static final String LATIN_TWINS =
      "ABEKMHOPCTYX" + "aeopcyx" + "SIJsijYyhhll" + "ddQqWw"
      + "ABEZHIKMNOPTYX" + "aikvopu";

  /**
   * Offset of the first word of code mixing Latin letters with Latin look-alike Cyrillic or Greek
   * ones, or -1. Quoted text, regex literals, comments and prose lines are not code names.
   *
   * <p>Math notation: when the file's code names also use Greek letters that look like no Latin
   * one ({@code φ}, {@code θ}, {@code ε}, {@code Δ}), its Greek letters are math symbols
   * ({@code αs}, {@code ρsφ}, {@code sinνω}); there a word whose look-alikes are all Greek counts
   * only when the Latin word it reads as (four letters or more) is in the file too, as a deceiving
   * twin would be ({@code respοnse} beside {@code response}). Cyrillic look-alikes always count.
   */
  private static int homoglyph(String t, Comments comments) {
    int start = -1;
    boolean latin = false;
    boolean other = false;
    boolean cyrillic = false;
    boolean mathGreek = false;
    int firstCyrillic = -1;
    List<int[]> greekOnly = new java.util.ArrayList<>(); // start, end of words with Greek look-alikes only
    char quote = 0;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      if (quote == 0 && (t.startsWith("\"\"\"", i) || t.startsWith("'''", i))) {
        // A triple-quoted block (docstrings, expected output in tests) is text, skip it whole.
        int end = t.indexOf(t.substring(i, i + 3), i + 3);
        i = end < 0 ? t.length() : end + 2;
        start = -1;
        continue;
      }
      if (quote != 0 || c == '"' || c == '\'' || c == '`') {
        // Identifiers only: quoted text (on one line) may mix alphabets legitimately.
        if (quote == 0) {
          quote = c;
        } else if (c == quote && t.charAt(i - 1) != '\\' || c == '\n') {
          quote = 0;
        }
        start = -1;
        continue;
      }
      int comment = comments.end(i);
      if (comment > i) {
        i = comment - 1;
        start = -1;
        continue;
      }
      if (c == '/' && regexStart(t, i)) {
        // A regex literal is data too (locale patterns mix alphabets), skip to its end.
        i = Comments.regexEnd(t, i) - 1; // the loop steps past the closing '/'
        start = -1;
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        if (start < 0) {
          start = i;
          latin = false;
          other = false;
          cyrillic = false;
        }
        if (c < 128 && Character.isLetter(c)) {
          latin = true;
        } else if (c >= 128) {
          boolean lookalike = LATIN_LOOKALIKES.indexOf(c) >= 0;
          other |= lookalike;
          cyrillic |= lookalike && c >= 0x0400;
          mathGreek |= !lookalike && c >= 0x0391 && c <= 0x03C9;
        }
      } else {
        if (start >= 0 && latin && other && !proseLine(t, start)) {
          if (cyrillic) {
            if (firstCyrillic < 0) {
              firstCyrillic = start;
            }
          } else {
            greekOnly.add(new int[] {start, i});
          }
        }
        start = -1;
      }
    }
    int greek = -1;
    if (!greekOnly.isEmpty() && !mathGreek) {
      greek = greekOnly.get(0)[0];
    } else if (!greekOnly.isEmpty()) {
      java.util.Set<String> words = latinWords(t);
      for (int[] w : greekOnly) {
        String twin = skeleton(t.substring(w[0], w[1]));
        if (twin.length() >= 4 && words.contains(twin)) {
          greek = w[0];
          break;
        }
      }
    }
    return firstCyrillic < 0 ? greek : greek < 0 ? firstCyrillic : Math.min(greek, firstCyrillic);
  }

  /** The word with each look-alike letter replaced by the Latin letter it looks like. */
  static String skeleton(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int k = LATIN_LOOKALIKES.indexOf(c);
      b.append(k >= 0 ? LATIN_TWINS.charAt(k) : c);
    }
    return b.toString();
  }

  /** Every word of ASCII letters, digits, '_' and '$' only in the text (code, strings and comments). */
  private static java.util.Set<String> latinWords(String t) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int start = -1;
    boolean ascii = true;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        if (start < 0) {
          start = i;
          ascii = true;
        }
        ascii &= c < 128;
      } else if (start >= 0) {
        if (ascii) {
          out.add(t.substring(start, i));
        }
        start = -1;
      }
    }
    return out;
  }
}
