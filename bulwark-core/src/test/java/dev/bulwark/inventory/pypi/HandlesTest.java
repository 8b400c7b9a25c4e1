package dev.bulwark.inventory.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.model.Ecosystem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "requirements.txt | pypi/requirements",
      "requirements-dev.txt | pypi/requirements",
      "requirements_test.txt | pypi/requirements",
      "dev-requirements.txt | pypi/requirements",
      "constraints.txt | pypi/requirements",
      "requirements.in | pypi/requirements",
      "poetry.lock | pypi/poetry-lock",
      "Pipfile.lock | pypi/pipfile-lock",
      "pdm.lock | pypi/pdm-lock",
      "uv.lock | pypi/uv-lock",
      "pylock.toml | pypi/pylock",
      "pylock.dev.toml | pypi/pylock",
      "pyproject.toml | pypi/pyproject",
      "Pipfile | pypi/pipfile",
      "setup.cfg | pypi/setup-cfg",
      "pip.conf | pypi/pip-conf",
      "pip.ini | pypi/pip-conf",
      "README.txt | none",
      "requirements.md | none",
      "package-lock.json | none",
      "pylock..toml | none",
      "setup.py | none",
  })
  void eachFileNameHasAtMostOneExtractor(String fileName, String expected) {
    List<String> ids = PypiExtractors.all().stream().filter(e -> e.handles(fileName))
        .map(LockfileExtractor::id).toList();
    assertThat(ids).isEqualTo(expected.equals("none") ? List.of() : List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "requirements/base.txt | true",
      "app/requirements/prod.txt | true",
      "requirements-dev.txt | true",
      "docs/notes.txt | false",
      "requirements/README.md | false",
  })
  void requirementsPaths(String path, boolean expected) {
    assertThat(PypiExtractors.isRequirementsPath(path)).isEqualTo(expected);
  }

  @Test
  void manifestsAreFlaggedAndAllArePypi() {
    assertThat(PypiExtractors.all()).allMatch(e -> e.ecosystem() == Ecosystem.PYPI);
    assertThat(PypiExtractors.all().stream().filter(LockfileExtractor::isManifest).map(LockfileExtractor::id))
        .containsExactlyInAnyOrder("pypi/pyproject", "pypi/pipfile", "pypi/setup-cfg");
    assertThat(PypiExtractors.all().stream().map(LockfileExtractor::id).distinct()).hasSize(PypiExtractors.all().size());
  }
}
