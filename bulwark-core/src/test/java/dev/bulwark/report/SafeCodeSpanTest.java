package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 14: Markdown code spans in explanation texts render as escaped {@code <code>} in HTML. */
class SafeCodeSpanTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      plain text                   | plain text
      run `npm ci` now             | run <code>npm ci</code> now
      `a` and `b`                  | <code>a</code> and <code>b</code>
      escaped `<script>x</script>` | escaped <code>&lt;script&gt;x&lt;/script&gt;</code>
      <b>outside</b> `in`          | &lt;b&gt;outside&lt;/b&gt; <code>in</code>
      unmatched ` tick             | unmatched ` tick
      double ``a ` b`` run         | double <code>a ` b</code> run
      `` `x` ``                    | <code>`x`</code>
      mismatched ``a` end          | mismatched ``a` end
      quote `it's`                 | quote <code>it&#39;s</code>
      """)
  void codeSpansBecomeCodeAndEverythingIsEscaped(String text, String html) {
    assertThat(Safe.htmlWithCode(text)).isEqualTo(html);
  }
}
