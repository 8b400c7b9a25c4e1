package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile content in every fixture must come out inert. */
class HtmlRendererTest {
  private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)");
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final List<String> ALLOWED_TAGS = List.of("html", "head", "meta", "title",
      "style", "body", "input", "header", "h1", "h2", "h3", "h4", "p", "nav", "strong", "label",
      "main", "section", "table", "thead", "tbody", "tr", "th", "td", "code", "span", "details",
      "summary", "pre", "mark", "dl", "dt", "dd", "ul", "ol", "li", "a", "br", "footer", "script");

  static List<String> fixtures() {
    return ReportFixtures.all().keySet().stream().sorted().toList();
  }

  private static String html(String fixture) throws Exception {
    return Schemas.render(ReportFormat.HTML, ReportFixtures.all().get(fixture).get());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void onlyKnownTagsAndOneHashedScript(String fixture) throws Exception {
    String h = html(fixture);
    List<String> tags = new ArrayList<>();
    Matcher m = TAG.matcher(h);
    while (m.find()) {
      tags.add(m.group(1).toLowerCase());
    }
    assertThat(tags).isSubsetOf(ALLOWED_TAGS);
    assertThat(tags.stream().filter("script"::equals)).hasSize(1);
    assertThat(h).doesNotContain("<img").doesNotContainPattern("<[^>]*onerror")
        .contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    int scriptStart = h.indexOf("<script>") + "<script>".length();
    String script = h.substring(scriptStart, h.indexOf("</script>", scriptStart));
    assertThat(script).isEqualTo(HtmlRenderer.SCRIPT);
    assertThat(h).contains("script-src '" + HtmlRenderer.sha256(script) + "'")
        .contains("default-src 'none'");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void noJavascriptUrlsAndNoBidiControls(String fixture) throws Exception {
    String h = html(fixture);
    Matcher m = HREF.matcher(h);
    while (m.find()) {
      assertThat(m.group(1)).startsWith("https://");
    }
    assertThat(h).doesNotContain("href=\"javascript").doesNotContain("\u202E")
        .doesNotContain("\u202C").doesNotContain("http://").doesNotContain("src=\"");
  }

  @org.junit.jupiter.api.Test
  void hugeReportsShowTheMostSevereAndSaySo() throws Exception {
    String h = Schemas.render(ReportFormat.HTML, MarkdownRendererTest.many(3_000, 11));
    assertThat(h).contains("Showing the 2000 most severe of 3000 findings");
    assertThat(h.split("<details class=\"finding", -1)).hasSize(HtmlFindings.MAX_SHOWN + 1);
  }
}
