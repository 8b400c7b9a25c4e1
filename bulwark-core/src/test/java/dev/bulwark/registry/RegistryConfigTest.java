package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigTest {
  @TempDir Path home;
  @TempDir Path project;

  private ConfigSources sources(Map<String, String> env, CommandRunner runner) {
    return new ConfigSources(project, home, env, runner);
  }

  @Test
  void projectNpmrcWinsOverUserAndScopesAndTokensAreRead() throws Exception {
    Files.writeString(home.resolve(".npmrc"), "registry=http://user.example.invalid/\n"
        + "//priv.example.invalid/:_authToken=${NPM_TOKEN}\n");
    Files.writeString(project.resolve(".npmrc"), "; comment\nregistry = http://proj.example.invalid/npm/\n"
        + "@acme:registry=http://priv.example.invalid/\n");
    NpmSettings s = RegistryConfig.npm(sources(Map.of("NPM_TOKEN", "tok"), CommandRunner.none()),
        Optional.empty());
    assertThat(s.registry()).isEqualTo("http://proj.example.invalid/npm");
    assertThat(s.registryFor("@acme/tools")).isEqualTo("http://priv.example.invalid");
    assertThat(s.registryFor("left-pad")).isEqualTo("http://proj.example.invalid/npm");
    assertThat(s.credentials().tokenFor(URI.create("http://priv.example.invalid/@acme%2ftools"))).contains("tok");
    assertThat(s.credentials().tokenFor(URI.create("http://proj.example.invalid/npm/x"))).isEmpty();
  }

  @Test
  void flagWinsAndNpmIsAskedOnlyAsALastResort() throws Exception {
    CommandRunner npm = (cmd, t) -> cmd.equals(List.of("npm", "config", "get", "registry"))
        ? Optional.of("http://asked.example.invalid/\n") : Optional.empty();
    assertThat(RegistryConfig.npm(sources(Map.of(), npm), Optional.of("http://flag.example.invalid/"))
        .registry()).isEqualTo("http://flag.example.invalid");
    NpmSettings asked = RegistryConfig.npm(sources(Map.of(), npm), Optional.empty());
    assertThat(asked.registry()).isEqualTo("http://asked.example.invalid");
    assertThat(asked.origin()).isEqualTo("npm config get registry");
    assertThatThrownBy(() -> RegistryConfig.npm(sources(Map.of(), CommandRunner.none()), Optional.empty()))
        .isInstanceOf(RegistryException.class).hasMessageContaining("--registry");
  }

  @Test
  void pipSettingsComeFromFlagEnvFilesThenPip() throws Exception {
    assertThat(RegistryConfig.pypi(sources(Map.of("PIP_INDEX_URL", "http://env.example.invalid/simple/",
        "PIP_EXTRA_INDEX_URL", "http://a.example.invalid/simple http://b.example.invalid/simple"),
        CommandRunner.none()), Optional.empty()))
        .isEqualTo(new PypiSettings("http://env.example.invalid/simple",
            List.of("http://a.example.invalid/simple", "http://b.example.invalid/simple"), "PIP_INDEX_URL"));
    Path conf = home.resolve(".config/pip/pip.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, "[global]\nindex-url = http://file.example.invalid/simple\n"
        + "extra-index-url =\n    http://x.example.invalid/simple\n");
    PypiSettings f = RegistryConfig.pypi(sources(Map.of(), CommandRunner.none()), Optional.empty());
    assertThat(f.index()).isEqualTo("http://file.example.invalid/simple");
    assertThat(f.jsonBase()).isEqualTo("http://file.example.invalid");
    assertThat(f.extraIndexes()).containsExactly("http://x.example.invalid/simple");
    Files.delete(conf);
    CommandRunner pip = (cmd, t) -> cmd.get(0).equals("pip")
        ? Optional.of("global.index-url='http://listed.example.invalid/simple'") : Optional.empty();
    assertThat(RegistryConfig.pypi(sources(Map.of(), pip), Optional.empty()).index())
        .isEqualTo("http://listed.example.invalid/simple");
    assertThatThrownBy(() -> RegistryConfig.pypi(sources(Map.of(), CommandRunner.none()), Optional.empty()))
        .hasMessageContaining("--index-url");
  }
}
