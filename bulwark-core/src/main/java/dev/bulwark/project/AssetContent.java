package dev.bulwark.project;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a file named like an asset holds what its name says, so that JavaScript cannot run it.
 * A disguised loader is code under an asset's name ({@code node public/fonts/x.woff2}); a real
 * image, font or stylesheet that a bundler loads through {@code import logo from './logo.svg'} is
 * not. Only content that Node.js would reject before running a statement counts: a binary header
 * (a control byte early on), markup (a statement cannot begin with {@code <}; a line that begins with
 * {@code <!--} or {@code -->} is a comment to JavaScript and is skipped as JavaScript skips it), or
 * a stylesheet whose first rule begins the way no JavaScript statement can ({@code .name},
 * {@code :root}, {@code *}, {@code #id}, a CSS at-rule, or plain selectors followed by {@code {} on
 * the same line). Only the start of the file is read.
 */
final class AssetContent {
  private AssetContent() {}

  private static final int HEAD = 4096;

  private static final Set<String> BINARY_EXT = Set.of(".woff", ".woff2", ".ttf", ".otf", ".eot",
      ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".pdf", ".mp3", ".mp4", ".wav");
  private static final Set<String> STYLE_EXT = Set.of(".css", ".scss", ".sass", ".less");
  private static final Pattern AT_RULE = Pattern.compile("^@(import|media|tailwind|font-face|charset"
      + "|layer|keyframes|supports|use|forward|apply|theme|plugin|custom-variant|source|config"
      + "|container|property|namespace|page|utility|variant|reference)\\b");
  /**
   * `html, body {`, `div > p {`, `input[type="text"] {`: names (no operator JavaScript could read
   * between them, no `=`, no `*` that would multiply) followed by a block on the same line.
   */
  private static final Pattern PLAIN_SELECTORS = Pattern.compile(
      "^[a-z][a-z0-9-]*(?:\\[[^\\]\\n]*\\])*"
          + "(?:\\s*[,>+~ ]\\s*[a-z.#\\[][a-z0-9_.#-]*(?:\\[[^\\]\\n]*\\])*)*\\s*\\{");
  /** Words that join an expression to an object literal (`x in {`, `a instanceof {`). */
  private static final Set<String> JS_OPERATOR_WORDS = Set.of("in", "instanceof", "of", "typeof",
      "void", "new", "delete", "await", "yield");
  private static final Set<String> JS_BLOCK_WORDS = Set.of("class", "try", "do", "else", "finally",
      "function", "if", "for", "while", "switch", "with", "async", "export", "import", "const",
      "let", "var", "return", "new", "typeof", "void", "delete", "await", "yield", "static");

  /** True when the content is the asset its name claims, in a form JavaScript cannot run. */
  static boolean isGenuine(String path, byte[] content) {
    String lower = path.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String ext = dot < 0 ? "" : lower.substring(dot);
    if (BINARY_EXT.contains(ext) || ext.equals(".svg")) {
      if (binaryHead(content)) {
        return true;
      }
    }
    if (ext.equals(".svg") || STYLE_EXT.contains(ext)) {
      String first = firstStatement(content);
      if (first.startsWith("<") && !first.startsWith("<!--")) {
        return true;
      }
      return STYLE_EXT.contains(ext) && styleRule(first);
    }
    return false;
  }

  private static boolean styleRule(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (c == '.' && s.length() > 1 && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '_'
        || s.charAt(1) == '-')) {
      return true;
    }
    if (c == ':' || c == '*' || (c == '#' && !s.startsWith("#!"))) {
      return true;
    }
    if (c == '@') {
      return AT_RULE.matcher(s).find();
    }
    String line = s.lines().findFirst().orElse("");
    String word = line.split("[^a-z0-9-]", 2)[0];
    if (!PLAIN_SELECTORS.matcher(line).find() || JS_BLOCK_WORDS.contains(word)) {
      return false;
    }
    String head = line.substring(0, line.indexOf('{'));
    for (String w : head.split("[^a-z0-9-]+")) {
      if (JS_OPERATOR_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text from the first thing JavaScript would read as a statement: a byte-order mark,
   * whitespace, block and line comments, and lines that begin with an HTML-like comment are skipped.
   */
  static String firstStatement(byte[] content) {
    String s = new String(content, 0, Math.min(content.length, HEAD), StandardCharsets.UTF_8);
    int i = s.startsWith("\uFEFF") ? 1 : 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          return "";
        }
        i = end + 2;
      } else if (s.startsWith("//", i) || s.startsWith("<!--", i) || s.startsWith("-->", i)) {
        int end = s.indexOf('\n', i);
        if (end < 0) {
          return "";
        }
        i = end + 1;
      } else {
        break;
      }
    }
    return s.substring(i);
  }

  /**
   * A control byte (not a JavaScript line terminator or whitespace) among the first 16 bytes,
   * before anything that could open a string or comment: a syntax error to JavaScript, and what
   * every binary image, font and media header has (PNG's 0x1A, the zero bytes of JPEG, WOFF, TTF
   * and ICO headers).
   */
  static boolean binaryHead(byte[] content) {
    for (int i = 0; i < Math.min(16, content.length); i++) {
      int b = content[i] & 0xFF;
      if (b == '/' || b == '"' || b == '\'' || b == '`' || b == '\\') {
        return false;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r') {
        return true;
      }
    }
    return false;
  }
}
