package dev.bulwark.analysis.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a file's code runs, told from its path (rows found on Python source trees marked). */
class CodeScopeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "demo/__init__.py, RUNS",
      "setup.py, RUNS",
      "tests/test_api.py, NOT_RUN",
      "docs/conf.py, NOT_RUN",
      ".github/workflows/ci.yml, NOT_RUN",
      "Makefile, NOT_RUN",
      "tox.ini, NOT_RUN",
      "scripts/release.sh, NOT_RUN",
      "demo/scripts/run.py, RUNS",
      // Python source trees: a developer's tooling folder and CI files of other services
      "tooling/scripts/ensure-rustup.sh, NOT_RUN",
      "hack/verify.sh, NOT_RUN",
      "build-aux/install-deps.sh, NOT_RUN",
      "demo/tooling/helper.py, RUNS",
      "circle.yml, NOT_RUN",
      ".drone.yml, NOT_RUN",
      "bitbucket-pipelines.yml, NOT_RUN",
      "Vagrantfile, NOT_RUN",
      "case_studies/deploy/lib/packer.libsonnet, NOT_RUN",
      "README.md, NOT_RUN",
      "notebooks/tour.ipynb, NOT_RUN",
      "demo/templates.py, RUNS",
      "dist/app.min.js, BUNDLE",
      // install hooks of dependency copies in build output never run; the package's own and its
      // installed dependencies' do
      "package/build/standalone/node_modules/.pnpm/a@1.0.0/node_modules/a/package.json#scripts.postinstall, NOT_RUN",
      "package/.next/standalone/node_modules/b/package.json#scripts.install, NOT_RUN",
      "package/build/standalone/node_modules/b/index.js, BUNDLE",
      "package/package.json#scripts.postinstall, RUNS",
      "package/node_modules/b/package.json#scripts.install, RUNS",
      "server/package.json#scripts.postinstall, RUNS",
      "package/package.json#scripts.prepare, RUNS",
      // scripts npm runs only when a developer asks (a project's triggers name its manifest)
      "package/package.json#scripts.coverage:push, NOT_RUN",
      "package/package.json#scripts.test, NOT_RUN",
      "package.json#scripts.start, NOT_RUN",
      "package/node_modules/undici/package.json#scripts.prepare, NOT_RUN",
      "package/node_modules/undici/package.json#scripts.postinstall, RUNS"})
  void classifiesPaths(String path, CodeScope.PathClass expected) {
    assertThat(CodeScope.pathClass(path)).isEqualTo(expected);
  }
}
