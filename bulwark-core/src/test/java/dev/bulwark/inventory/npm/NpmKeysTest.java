package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables for the small parsers: pnpm keys, workspace globs, yarn tokens, bun keys. */
class NpmKeysTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "5.4 | /lodash/4.17.21 | lodash@4.17.21",
    "5.4 | /@babel/core/7.20.0_supports-color@5.5.0 | @babel/core@7.20.0",
    "5.4 | registry.example/x/1.0.0 | ''",
    "6.0 | /debug@4.3.4(supports-color@5.5.0) | debug@4.3.4",
    "6.0 | /@types/node@20.4.5 | @types/node@20.4.5",
    "9.0 | react-dom@18.2.0(react@18.2.0) | react-dom@18.2.0",
    "9.0 | @scope/a@1.0.0 | @scope/a@1.0.0",
    "9.0 | tiny@http://127.0.0.1:8080/tiny-1.0.0.tgz | tiny@http://127.0.0.1:8080/tiny-1.0.0.tgz",
    "9.0 | @scope | ''"
  })
  void pnpmKeys(String version, String key, String expected) {
    String actual = PnpmKeys.parse(key, PnpmKeys.style(version))
        .map(nr -> nr.name() + "@" + nr.ref()).orElse("");
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "packages/* | packages/a | true",
    "packages/* | packages/a/b | false",
    "apps/** | apps/x/y | true",
    "./libs/ | libs | true",
    "lib-* | lib-a | true",
    "packages/* | other/a | false",
    "!packages/a | packages/a | false"
  })
  void workspaceGlobs(String pattern, String path, boolean expected) {
    assertThat(Workspaces.matches(List.of(pattern), path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'\"a@^1.0.0\", a@^1.1.0' | a@^1.0.0;a@^1.1.0",
    "'\"@s/b@npm:c@^2\"' | @s/b@npm:c@^2",
    "'lodash@4.17.4, lodash@^4.17.4' | lodash@4.17.4;lodash@^4.17.4",
    "'\"esc\\\"aped@1\"' | esc\"aped@1",
    "'\"unterminated' | ''"
  })
  void yarnSpecifiers(String header, String expected) {
    assertThat(String.join(";", YarnTokens.specifiers(header))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'' | ''",
    "express | express",
    "express/qs | express;qs",
    "@s/a/@t/b/c | @s/a;@t/b;c"
  })
  void bunKeys(String key, String expected) {
    assertThat(String.join(";", BunKeys.split(key))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "packages/a | ../b | packages/b",
    ". | packages/a | packages/a",
    ". | ../outside | ''",
    "a/b | ./c/../d | a/b/d"
  })
  void pnpmLinkPaths(String base, String relative, String expected) {
    assertThat(PnpmKeys.resolvePath(base, relative).orElse("")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "npm:4.17.21 | npm:4.17.21",
    "patch:typescript@npm%3A5.1.6#optional!builtin<compat/typescript>::version=5.1.6 | npm:5.1.6",
    "patch:a@patch%3Aa@npm%253A1.0.0%23x#y | npm:1.0.0"
  })
  void berryPatchedReferences(String ref, String expected) {
    assertThat(YarnBerry.underlying(ref)).isEqualTo(expected);
  }
}
