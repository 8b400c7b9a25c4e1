package dev.bulwark.inventory.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep508Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // text | name | extras | specifier | url | marker
      "django==3.2.0 | django | | ==3.2.0 | |",
      "Django | Django | | | |",
      "requests[socks,security] >= 2.25 , < 3 | requests | socks,security | >=2.25,<3 | |",
      "uvloop (>=0.17) ; platform_system != 'Windows' | uvloop | | >=0.17 | | platform_system != 'Windows'",
      "zope.interface===5.4.0 | zope.interface | | ===5.4.0 | |",
      "pkg[] | pkg | | | |",
      "name @ https://127.0.0.1/x-1.0.whl | name | | | https://127.0.0.1/x-1.0.whl |",
      "name[extra] @ git+https://example.invalid/r.git@v1 ; python_version >= '3.8' | name | extra | | git+https://example.invalid/r.git@v1 | python_version >= '3.8'",
      "numpy==1.*;python_version<'3.9' | numpy | | ==1.* | | python_version<'3.9'",
      "a-b_c.d~=1.4.5 | a-b_c.d | | ~=1.4.5 | |",
      "x!=1.0,>0.5 | x | | !=1.0,>0.5 | |",
      "x==1.0+local.7 | x | | ==1.0+local.7 | |",
  })
  void parsesValidRequirements(String text, String name, String extras, String spec, String url, String marker)
      throws Pep508.SyntaxError {
    Pep508.Requirement r = Pep508.parse(text);
    assertThat(r.name()).isEqualTo(name);
    assertThat(r.extras()).isEqualTo(extras == null ? List.of() : List.of(extras.split(",")));
    assertThat(r.specifier()).isEqualTo(spec == null ? "" : spec);
    assertThat(r.url()).isEqualTo(url == null ? "" : url);
    assertThat(r.marker()).isEqualTo(marker == null ? "" : marker);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`` | missing package name",
      "==1.0 | cannot start with '='",
      "-pkg | invalid package name",
      "pkg- | invalid package name",
      "pkg[a | unclosed '['",
      "pkg[a b] | invalid extra",
      "pkg>>1 | invalid version",
      "pkg==1.0 extra | invalid version",
      "pkg==1.0; | empty environment marker",
      "pkg (==1.0 | unclosed '('",
      "pkg ==1.0) | unexpected ')'",
      "pkg @ | missing URL",
      "pkg 1.0 | expected a version operator",
      "pkg==1.0,, | expected a version operator",
  })
  void rejectsInvalidRequirements(String text, String message) {
    assertThatThrownBy(() -> Pep508.parse(text == null ? "" : text))
        .isInstanceOf(Pep508.SyntaxError.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsOverlongText() {
    assertThatThrownBy(() -> Pep508.parse("a" + "=".repeat(Pep508.MAX_LENGTH)))
        .hasMessageContaining("longer than");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // specifier | version | unpinned
      "==3.2.0 | 3.2.0 | false",
      "===5.4.0 | 5.4.0 | false",
      "== 1.0 | 1.0 | false",
      "==1.* | ==1.* | true",
      ">=1.0 | >=1.0 | true",
      "==1.0,<2 | ==1.0,<2 | true",
      "* | `` | true",
      "`` | `` | true",
  })
  void classifiesPep440Specifiers(String spec, String version, boolean unpinned) {
    assertThat(Pin.ofSpecifier(spec == null ? "" : spec))
        .isEqualTo(new Pin(version == null ? "" : version, unpinned));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "2.0.1 | 2.0.1 | false",
      "==2.0.1 | 2.0.1 | false",
      "^2.0 | ^2.0 | true",
      "~2.31 | ~2.31 | true",
      "* | `` | true",
      ">=1,<2 | >=1,<2 | true",
      "1.2.* | 1.2.* | true",
  })
  void classifiesPoetryConstraints(String spec, String version, boolean unpinned) {
    assertThat(Pin.ofPoetry(spec)).isEqualTo(new Pin(version == null ? "" : version, unpinned));
  }

  /** Random text never makes the parser fail other than with SyntaxError. */
  @Test
  void randomTextOnlyEverGivesSyntaxErrors() {
    Random random = new Random(508);
    String alphabet = "abcXYZ019-_.[],;@()<>=!~* \t'\"/:#+\\\u00e9";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        Pep508.Requirement r = Pep508.parse(b.toString());
        assertThat(r.name()).isNotEmpty();
      } catch (Pep508.SyntaxError expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
