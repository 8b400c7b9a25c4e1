package dev.bulwark.advisory;

import dev.bulwark.model.Problem;
import java.util.List;

/**
 * The outcome of {@link AdvisoryUpdater#update}.
 *
 * @param changed false when every source answered "not modified" and the database was kept as is
 * @param sources one entry per source; {@code unchanged} ones kept their previous records
 * @param problems skipped records of the downloaded archives (the first 1,000, sorted)
 * @param problemCount how many records were skipped in all
 */
public record UpdateResult(
    boolean changed, List<SourceImport> sources, List<Problem> problems, int problemCount) {
  public UpdateResult {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }
}
