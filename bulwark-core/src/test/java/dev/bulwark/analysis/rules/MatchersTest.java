package dev.bulwark.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each matcher on its own, over a plain-text context (no pre-filter, no tree). */
class MatchersTest {
  /** A context that only has text. */
  private record TextContext(String text) implements TextOnlyContext {
    @Override
    public String lowerText() {
      return LiteralMatcher.lower(text);
    }

    @Override
    public List<int[]> regexRegions() {
      return List.<int[]>of(new int[] {0, text.length()});
    }
  }

  private static final Matcher EVAL = new LiteralMatcher(List.of("eval("), false);
  private static final Matcher CURL_CI = new LiteralMatcher(List.of("curl"), true);
  private static final Matcher PIPE_SH = new RegexMatcher(Pattern.compile("\\|\\s*(ba)?sh\\b"), Set.of());
  private static final Matcher BLOB = new RegexMatcher(Pattern.compile("\"[0-9a-f]{40,}\""), Set.of());
  private static final Matcher ALLOW = new LiteralMatcher(List.of("# allow"), false);

  private static Matcher named(String name) {
    return switch (name) {
      case "literal" -> EVAL;
      case "literal-ci" -> CURL_CI;
      case "regex" -> PIPE_SH;
      case "any" -> new AnyMatcher(List.of(EVAL, PIPE_SH));
      case "all" -> new AllMatcher(List.of(CURL_CI, PIPE_SH), 0);
      case "all-not" -> new AllMatcher(List.of(CURL_CI, PIPE_SH, new NotMatcher(ALLOW)), 0);
      case "all-near" -> new AllMatcher(List.of(CURL_CI, PIPE_SH), 30);
      case "blob-near" -> new AllMatcher(List.of(BLOB, EVAL), 10);
      case "not" -> new NotMatcher(EVAL);
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0} on \"{1}\" = {2}")
  @CsvSource(delimiter = '§', value = {
    "literal § x = eval(y) § 4",
    "literal § x = EVAL(y) § -1",
    "literal § evaluate(y) § -1",
    "literal-ci § CURL -s u § 0",
    "literal-ci § wget u § -1",
    "regex § curl u | bash § 7",
    "regex § curl u | shasum § -1",
    "any § a | sh; eval(b) § 2",
    "any § nothing here § -1",
    "all § curl u | sh § 0",
    "all § curl u > f § -1",
    "all-not § curl u | sh § 0",
    "all-not § curl u | sh # allow § -1",
    "all-near § curl http://127.0.0.1/x | sh § 0",
    "all-near § curl http://127.0.0.1/a/very/long/path/that/is/far/away | sh § -1",
    // near is the gap between spans: code right after a long blob is near it, wherever it starts
    "blob-near § x=\"00112233445566778899aabbccddeeff00112233445566778899\";eval(x) § 2",
    "blob-near § x=\"00112233445566778899aabbccddeeff00112233445566778899\"; /* far away */ eval(x) § -1",
    "not § plain § 0",
    "not § eval(x) § -1",
  })
  void matches(String matcher, String text, int firstHit) {
    List<Hit> hits = named(matcher).find(new TextContext(text));
    if (firstHit < 0) {
      assertThat(hits).isEmpty();
    } else {
      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).start()).isEqualTo(firstHit);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', value = {
    "literal § eval(",
    "literal-ci § curl",
    "any § ''",
    "all § curl",
    "not § ''",
  })
  void requiredLiterals(String matcher, String expected) {
    Set<String> want = expected.isBlank() ? Set.of() : Set.of(expected.toLowerCase(Locale.ROOT));
    assertThat(named(matcher).requiredLiterals()).isEqualTo(want);
  }

  @ParameterizedTest(name = "at most MAX_HITS for {0}")
  @CsvSource({"literal", "regex"})
  void hitsAreCapped(String matcher) {
    String text = "eval( | sh ".repeat(500);
    assertThat(named(matcher).find(new TextContext(text))).hasSize(MatchContext.MAX_HITS);
  }
}
