package dev.bulwark.advisory;

import dev.bulwark.model.Problem;
import java.util.List;

/**
 * The outcome of building a database.
 *
 * @param sources one entry per archive or folder, in the order given
 * @param problems skipped entries with their archive and entry name (the first 1,000, sorted)
 * @param problemCount how many entries were skipped in all
 */
public record ImportResult(List<SourceImport> sources, List<Problem> problems, int problemCount) {
  public ImportResult {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** Records stored, over all sources. */
  public int records() {
    return sources.stream().mapToInt(SourceImport::records).sum();
  }

  /** Records skipped because they affect neither npm nor PyPI, over all sources. */
  public int otherEcosystems() {
    return sources.stream().mapToInt(SourceImport::otherEcosystems).sum();
  }
}
