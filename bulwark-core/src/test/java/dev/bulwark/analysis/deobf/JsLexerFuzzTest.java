package dev.bulwark.analysis.deobf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target: the JavaScript lexer behind the string-array resolver. Seeds:
 * JsLexerFuzzTestInputs/jsLexer/. Properties: never throws, ends, and gives at most
 * {@link JsLexer#MAX_TOKENS} tokens in order, each inside the text.
 */
class JsLexerFuzzTest {
  @FuzzTest
  void jsLexer(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<JsLexer.Tok> toks = JsLexer.lex(text);
    if (toks.size() > JsLexer.MAX_TOKENS) {
      throw new AssertionError(toks.size() + " tokens");
    }
    int last = 0;
    for (JsLexer.Tok t : toks) {
      if (t.start() < last || t.end() < t.start() || t.end() > text.length()) {
        throw new AssertionError("token out of order or outside the text: " + t + " (length " + text.length() + ")");
      }
      last = t.start();
    }
  }
}
