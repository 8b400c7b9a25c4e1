package dev.bulwark.analysis.deobf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The string-array resolver's parts: JS number semantics, the RC4 cipher, and rotation solving. */
class StringArrayResolverTest {
  @ParameterizedTest(name = "parseInt({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "663885ZKePbb|663885", "'  -12px'|-12", "0x1fzz|31", "abc|NaN", "''|NaN", "+7|7"})
  void parseIntFollowsJavaScript(String in, String out) {
    assertThat(Double.valueOf(ConstEval.parseInt(in))).isEqualTo(Double.valueOf(out));
  }

  @ParameterizedTest(name = "Number({0}) = {1}")
  @CsvSource(delimiter = '|', value = {"0x16|22", "' 42 '|42", "''|0", "12abc|NaN", "1e3|1000", "0b101|5"})
  void toNumberFollowsJavaScript(String in, String out) {
    assertThat(Double.valueOf(ConstEval.num(in))).isEqualTo(Double.valueOf(out));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "-0x1*0x2+0x3|1", "'a'+0x1+2|a12", "0x1+2+'a'|3a", "-(0x10)/0x4*-0x2|8", "~0x0|-1", "7%3|1"})
  void constantExpressions(String expr, String out) {
    var toks = JsLexer.lex(expr);
    Object v = ConstEval.eval(toks, 0, toks.size(), Map.of(), (n, a, d) -> {
      throw ConstEval.Unresolved.INSTANCE;
    }, 0);
    assertThat(ConstEval.str(v)).isEqualTo(out);
  }

  @Test
  void rc4MatchesThePublishedTestVector() {
    // RC4 test vector "Key" / "Plaintext" -> BBF316E8D940AF0AD3 (Wikipedia, "RC4", test vectors)
    String out = ArrayCipher.rc4("Plaintext", "Key");
    StringBuilder hex = new StringBuilder();
    out.chars().forEach(c -> hex.append(String.format("%02X", c)));
    assertThat(hex.toString()).isEqualTo("BBF316E8D940AF0AD3");
  }

  @Test
  void lexerKeepsRegexAndTemplateLiteralsOpaque() {
    var toks = JsLexer.lex("a = /['\"]x/g.test(s) ? `t ${b} '` : 'q\\x41';");
    assertThat(toks).filteredOn(t -> t.kind() == JsLexer.Kind.STR).extracting(JsLexer.Tok::str).containsExactly("qA");
  }

  /**
   * Property: for random tables, rotations, offsets and check expressions, the resolver finds
   * the rotation and every call resolves to the string it names. Seeded, so failures reproduce.
   */
  @Test
  void solvesRandomRotations() {
    Random rnd = new Random(20261126L);
    for (int round = 0; round < 60; round++) {
      int n = 8 + rnd.nextInt(40);
      int rot = rnd.nextInt(n);
      int offset = 0x50 + rnd.nextInt(0x300);
      List<String> wanted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        wanted.add("w" + Integer.toString(rnd.nextInt(1 << 20), 36) + "_" + i);
      }
      int[] at = {0, 1, 2, 3};
      long[] num = new long[4];
      for (int j = 0; j < 4; j++) {
        num[j] = 1 + rnd.nextInt(900_000);
        wanted.set(at[j], num[j] + "abc" + j);
      }
      double target = num[0] / 1.0 + -num[1] / 2.0 * (num[2] / 3.0) + num[3];
      String text = program(wanted, rot, offset, target, n - 1);
      String out = StringArrayResolver.resolve(text).orElse("");
      assertThat(out).as("round %d (n=%d rot=%d)", round, n, rot).contains("sink('" + wanted.get(n - 1) + "')");
    }
  }

  /** A javascript-obfuscator shaped program whose table is stored pre-rotated by {@code rot}. */
  private static String program(List<String> wanted, int rot, int offset, double target, int use) {
    int n = wanted.size();
    StringBuilder arr = new StringBuilder();
    for (int j = 0; j < n; j++) {
      arr.append(j == 0 ? "" : ",").append('\'').append(wanted.get(Math.floorMod(j - rot, n))).append('\'');
    }
    String t = new BigDecimal(target).toPlainString();
    return "function _0xT(){var _0xa=[" + arr + "];_0xT=function(){return _0xa;};return _0xT();}"
        + "function _0xA(_0xb,_0xc){var _0xd=_0xT();return _0xA=function(_0xe,_0xf){_0xe=_0xe-0x" + Integer.toHexString(offset)
        + ";var _0xg=_0xd[_0xe];return _0xg;},_0xA(_0xb,_0xc);}"
        + "(function(_0xh,_0xi){var _0xj=_0xA,_0xk=_0xh();while(!![]){try{var _0xl=parseInt(_0xj(" + (offset)
        + "))/0x1+-parseInt(_0xj(" + (offset + 1) + "))/0x2*(parseInt(_0xj(" + (offset + 2) + "))/0x3)+parseInt(_0xj("
        + (offset + 3) + "));if(_0xl===_0xi)break;else _0xk['push'](_0xk['shift']());}catch(_0xm){_0xk['push'](_0xk['shift']());}}}"
        + "(_0xT," + t + "));sink(_0xA(0x" + Integer.toHexString(offset + use) + "));\n";
  }
}
