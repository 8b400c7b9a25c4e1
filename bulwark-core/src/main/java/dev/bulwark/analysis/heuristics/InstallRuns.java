package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ContentType;
import java.util.Optional;

/** How an npm install script runs a shipped file, for the engine to read the file in that language. */
public final class InstallRuns {
  private InstallRuns() {}

  /**
   * The language a plain-text file is run as by an install script of its package ({@code node
   * lib/setup.dat} runs JavaScript, {@code sh tools/get} a shell script); empty when no install
   * script runs it.
   */
  public static Optional<ContentType> type(String path, PackageView pkg) {
    return NpmHooks.of(path, pkg).run(path).map(r -> switch (r.runner()) {
      case NODE -> ContentType.JAVASCRIPT;
      case SHELL -> ContentType.BASH;
      case PYTHON -> ContentType.PYTHON;
    });
  }
}
