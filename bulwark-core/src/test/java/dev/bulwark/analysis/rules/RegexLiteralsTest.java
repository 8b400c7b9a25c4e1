package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexLiteralsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
    "\\beval\\s*\\(§ eval",
    "(?i)(curl|wget)\\s[^|;]*\\|\\s*sh§ curl wget",
    "child_process|subprocess§ child_process subprocess",
    "abc|x§ ''",
    "require\\(['\"]child_process['\"]\\)§ child_process",
    "(?:https?|ftp)://[^/]+\\.onion§ .onion",
    "a?bcd?ef§ ''",
    "foo(bar)?baz§ foo",
    "(ab|cd)ef§ ''",
    "[a-z]+\\.ngrok\\.io§ .ngrok.io",
    "x{0,3}y§ ''",
    "Buffer\\.from\\(\\w+,\\s*'base64'\\)§ buffer.from(",
    "(?s)os\\.system.{0,100}curl§ os.system",
  })
  void derives(String re, String expected) {
    Set<String> want = expected.isBlank() ? Set.of() : Set.of(expected.split(" "));
    assertThat(RegexLiterals.derive(re)).isEqualTo(want);
  }

  /** Seeded property: whenever a pattern matches a text, one derived literal occurs in it. */
  @Test
  void derivedLiteralsOccurInEveryMatch() {
    List<String> patterns = List.of("ev(al|il)\\(", "(?i)Curl\\s+-s", "a+bc+d", "(x|yz)?qqq", "[ab]cde(f|g)",
        "w{2,3}ord", "pre(?:fix|amble)+s", "b?c?def", "\\.(js|py)\\b", "(?:ab)*cdef");
    Random r = new Random(42);
    String alphabet = "abcdefgilqrsvwxyz.()CURL -jp";
    for (String p : patterns) {
      Pattern re = Pattern.compile(p);
      Set<String> lits = RegexLiterals.derive(p);
      for (int i = 0; i < 3000; i++) {
        StringBuilder t = new StringBuilder();
        int n = 1 + r.nextInt(14);
        for (int j = 0; j < n; j++) {
          t.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String text = t.toString();
        if (re.matcher(text).find() && !lits.isEmpty()) {
          String lower = text.toLowerCase(Locale.ROOT);
          assertThat(lits).as(p + " on " + text).anyMatch(lower::contains);
        }
      }
    }
  }
}
