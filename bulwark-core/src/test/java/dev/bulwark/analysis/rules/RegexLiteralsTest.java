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
    "(?i)(curl|wget)\\b[^|;]*\\|\\s*sh§ curl wget",
    "child_process|subprocess§ child_process subprocess",
    "abc|x§ ''",
    "require\\(['\"]child_process['\"]\\)§ child_process",
    "(?:https?|ftp)://[^/]+\\.onion§ .onion",
    "a?bcd?ef§ ''",
    "foo(bar)?baz§ foo",
    "(ab|cd)ef§ abef cdef",
    "(a.|cd)ef§ ''",
    "[a-z]+\\.ngrok\\.io§ .ngrok.io",
    "x{0,3}y§ ''",
    "Buffer\\.from\\(\\w+,\\s*'base64'\\)§ buffer.from(",
    "(?s)os\\.system.{0,100}curl§ os.system",
  })
  void derives(String re, String expected) {
    Set<String> want = expected.isBlank() ? Set.of() : Set.of(expected.split(" "));
    assertThat(RegexLiterals.derive(re)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
    "\\bnew\\s+Function\\s*\\(§ Function",
    "(?i)Function\\(§ ''",
    "x(?i:abc)§ ''",
    "Buffer\\.from§ Buffer.from",
  })
  void exactKeepsCaseAndGivesUpOnCaseFolding(String re, String expected) {
    Set<String> want = expected.isBlank() ? Set.of() : Set.of(expected.split(" "));
    assertThat(RegexLiterals.exact(re, 0)).isEqualTo(want);
  }

  /** Plain alternations and \\s multiply the run of literals around them. */
  @Test
  void alternativesAndSpacesExtendTheRun() {
    assertThat(RegexLiterals.derive("\\brm\\s+-(?:rf|fr)\\s+/"))
        .containsExactlyInAnyOrder("-rf ", "-rf\t", "-rf\n", "-rf\f", "-rf\r",
            "-fr ", "-fr\t", "-fr\n", "-fr\f", "-fr\r");
    assertThat(RegexLiterals.derive("\\b(?:app|router)\\.(?:get|post)\\s*\\("))
        .containsExactlyInAnyOrder("app.get", "app.post", "router.get", "router.post");
    assertThat(RegexLiterals.derive("(?:eval|Function)\\s*\\(\\s*atob"))
        .containsExactlyInAnyOrder("eval", "function");
    assertThat(RegexLiterals.derive("(?:ab|cd)+ef")).isEmpty(); // "ab"/"cd" are too short
  }

  @Test
  void exactGivesUpWhenCompiledCaseInsensitive() {
    assertThat(RegexLiterals.exact("Function", Pattern.CASE_INSENSITIVE)).isEmpty();
  }

  /** Seeded property: whenever a pattern matches a text, one derived literal occurs in it. */
  @Test
  void derivedLiteralsOccurInEveryMatch() {
    List<String> patterns = List.of("ev(al|il)\\(", "(?i)Curl\\s+-s", "a+bc+d", "(x|yz)?qqq", "[ab]cde(f|g)",
        "w{2,3}ord", "pre(?:fix|amble)+s", "b?c?def", "\\.(js|py)\\b", "(?:ab)*cdef",
        "\\brm\\s+-(?:rf|fr)", "(?:a|b)(?:c|d)\\s(?:e|f)", "(?:ab|cd)+ef", "x(?:y|z)\\s*q");
    Random r = new Random(42);
    String alphabet = "abcdefgilqrsvwxyz.()CURL -jp\tm\n";
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
        Set<String> exact = RegexLiterals.exact(p, 0);
        if (re.matcher(text).find() && !exact.isEmpty()) {
          assertThat(exact).as("exact " + p + " on " + text).anyMatch(text::contains);
        }
      }
    }
  }
}
