package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The anchors {@link RegexAnchors} derives: literal@lo..hi, sorted; "none" when it gives up or
 * when the pattern opens with a literal (RE2/J skips to that literal by itself).
 */
class RegexAnchorsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
    "\\beval\\s*\\(§ eval@0..0",
    "(?:^|[^.\\w$])(?:eval|exec)\\s*\\(§ eval@0..2 exec@0..2",
    "\\bnew\\s+Function\\s*\\(§ new@0..0",
    "['\"]\\d{6,12}:AA[\\w-]{30,}['\"]§ :AA@7..13",
    "a?bcd?ef§ bc@0..1",
    "\\bfoo(bar)?baz§ foo@0..0",
    "(ab|cd)ef§ ef@2..2",
    "\\b(?:abc)def§ abcdef@0..0",
    "\\bx{2,3}yz§ yz@2..3",
    "\\s*abc§ abc@0..*",
    "\\ba+bcd§ a@0..0",
    "abc|\\w+§ none",
    "abc|[x]§ none",
    "(?i)Curl\\b§ curl@0..0",
    "(?i)über§ none",
    "\\b\\x41BC§ ABC@0..0",
    "\\Qabc\\E§ none",
    "\\pLabc§ none",
    "\\ba.bc§ bc@2..3",
    "[^x]abc§ abc@1..2",
    "[xy]abc§ abc@1..1",
    "\\b(?P<n>abc)d§ abcd@0..0",
    "\\bab(?m)^cd§ ab@0..0",
    "(?:a|)bcd§ bcd@0..1",
    "eval\\s*\\(§ none",
    "(?:\\(\\s*0x){12}§ none",
    "(?i)eval\\s*\\(§ eval@0..0",
    "(?i)\\b[\\w$]*(?:spawn|exec)[\\w$]*\\s*\\(§ exec@0..* spawn@0..*",
    "(?:^|[;&|(]\\s*|\\s)node\\b§ node@0..*",
    "\\b(?:[\\w-]+\\.)*(?:webhook\\.site|pipedream\\.net)\\b§ pipedream.net@0..* webhook.site@0..*",
    "x*ab|[y]+cd|ef§ ab@0..* cd@1..* ef@0..0",
    "\\bab(?:c*d|e)f§ ab@0..0",
    "[\\w-]+\\.(?:bat|cmd)§ bat@2..* cmd@2..*",
  })
  void derives(String re, String expected) {
    String got = RegexAnchors.of(re, 0)
        .map(p -> p.anchors().stream().map(a -> a.literal() + "@" + a.lo() + ".." + (a.walksBack() ? "*" : a.hi())).sorted()
            .collect(Collectors.joining(" ")))
        .orElse("none");
    assertThat(got).isEqualTo(expected);
  }
}
