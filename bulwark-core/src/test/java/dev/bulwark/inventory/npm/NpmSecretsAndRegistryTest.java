package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Inventory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials never reach the output; file names map to the right extractor. */
class NpmSecretsAndRegistryTest {
  private static final String TOKEN = "npm_TOPSECRET0123456789abcdef";

  static Stream<Arguments> secretCarriers() {
    return Stream.of(
        Arguments.of(".npmrc", "//127.0.0.1:4873/:_authToken=" + TOKEN + "\n"),
        Arguments.of(".npmrc", "_auth=" + TOKEN + "\n"),
        Arguments.of(".npmrc", "registry=http://me:" + TOKEN + "@127.0.0.1:4873/\n"),
        Arguments.of("package.json", "{\"dependencies\": {\"a\": \"http://me:" + TOKEN
            + "@127.0.0.1/a.tgz\"}, \"publishConfig\": {\"registry\": \"http://x:" + TOKEN
            + "@127.0.0.1/\"}}"),
        Arguments.of("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"\": {},"
            + " \"node_modules/a\": {\"version\": \"1.0.0\", \"resolved\": \"http://u:" + TOKEN
            + "@127.0.0.1/a/-/a-1.0.0.tgz\"}}}"));
  }

  @ParameterizedTest
  @MethodSource("secretCarriers")
  void credentialsAreNeverStored(String fileName, String text) throws Exception {
    LockfileExtractor ex = NpmGoldenTest.extractorFor(fileName).orElseThrow();
    Inventory inv = ex.extract(LockfileInput.ofText(fileName, text));
    assertThat(inv.toString()).doesNotContain(TOKEN);
    assertThat(inv.dependencies().size() + inv.sources().size() + inv.problems().size())
        .isPositive();
  }

  @Test
  void aTokenReadFromTheEnvironmentIsFine() throws Exception {
    Inventory inv = new NpmrcExtractor().extract(LockfileInput.ofText("a/.npmrc",
        "registry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=${NPM_TOKEN}\n"));
    assertThat(inv.problems()).isEmpty();
    assertThat(inv.dependencies()).isEmpty();
  }

  /** Issue 14: a literal token is a leaked credential (where, and revoke it), never its value. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      //127.0.0.1:4873/:_authToken=npm_LITERALTOKENVALUE123            | _authToken for //127.0.0.1:4873/
      //127.0.0.1:4873/:_authToken="npm_LITERALTOKENVALUE123"          | _authToken for //127.0.0.1:4873/
      @acme:_authToken=npm_LITERALTOKENVALUE123                         | _authToken for @acme
      _auth=npm_LITERALTOKENVALUE123                                    | _auth for the default registry
      """)
  void aLiteralTokenIsALeakedCredential(String line, String what) throws Exception {
    Inventory inv = new NpmrcExtractor().extract(LockfileInput.ofText("a/.npmrc",
        "registry=http://127.0.0.1:4873/\n" + line + "\n"));
    assertThat(inv.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(dev.bulwark.model.Problem.LEAKED_CREDENTIAL);
      assertThat(p.location().toString()).isEqualTo("a/.npmrc:2");
      assertThat(p.message()).contains(what).contains("Revoke it").doesNotContain("LITERALTOKEN");
    });
  }

  @ParameterizedTest
  @CsvSource({
    "package-lock.json, npm/package-lock, false",
    "npm-shrinkwrap.json, npm/package-lock, false",
    "yarn.lock, npm/yarn-lock, false",
    "pnpm-lock.yaml, npm/pnpm-lock, false",
    "bun.lock, npm/bun-lock, false",
    ".npmrc, npm/npmrc, false",
    "package.json, npm/package-json, true"
  })
  void fileNamesMapToExtractors(String fileName, String id, boolean manifest) {
    List<LockfileExtractor> matching = NpmExtractors.all().stream()
        .filter(e -> e.handles(fileName)).toList();
    assertThat(matching).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo(id);
      assertThat(e.isManifest()).isEqualTo(manifest);
    });
  }

  @ParameterizedTest
  @CsvSource({"bun.lockb", "yarn.lock.bak", "package-lock.json5", "requirements.txt"})
  void otherFilesAreNotClaimed(String fileName) {
    assertThat(NpmExtractors.all()).noneMatch(e -> e.handles(fileName));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "^1.2.3 | REGISTRY",
    "npm:lodash@^4 | REGISTRY",
    "latest | REGISTRY",
    "git+ssh://git@example.invalid/a/b.git | GIT",
    "github:a/b#main | GIT",
    "a/b | GIT",
    "a/b#v1.0.0 | GIT",
    "https://example.invalid/a/b.git#v1 | GIT",
    "https://example.invalid/a-1.0.0.tgz | URL",
    "file:../a | FILE",
    "../a | FILE",
    "link:../a | LINK",
    "portal:../a | LINK",
    "workspace:* | WORKSPACE",
    "@scope/name | REGISTRY",
    "1.x/2 | REGISTRY"
  })
  void specSources(String spec, DependencySource expected) {
    assertThat(NpmSpecs.sourceOfSpec(spec)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "http://127.0.0.1:4873/a/-/a-1.0.0.tgz | REGISTRY",
    "http://127.0.0.1:4873/@s/a/-/a-1.0.0.tgz#abc | REGISTRY",
    "http://127.0.0.1:8080/a.tgz | URL",
    "https://codeload.github.com/u/r/tar.gz/abc | GIT",
    "git+https://example.invalid/a.git#abc | GIT",
    "file:../a-1.0.0.tgz | FILE",
    "'' | REGISTRY"
  })
  void resolvedSources(String resolved, DependencySource expected) {
    assertThat(NpmSpecs.sourceOfResolved(resolved)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "http://u:p@127.0.0.1/x | http://***@127.0.0.1/x",
    "http://token@127.0.0.1/x | http://***@127.0.0.1/x",
    "git+ssh://git@example.invalid/a.git | git+ssh://git@example.invalid/a.git",
    "http://127.0.0.1/a@b | http://127.0.0.1/a@b",
    "plain | plain"
  })
  void redaction(String url, String expected) {
    assertThat(NpmSpecs.redact(url)).isEqualTo(expected);
  }
}
