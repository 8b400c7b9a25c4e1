package dev.bulwark.eval;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the packages held by one sample path (an archive, an encrypted dataset zip or a package
 * folder). The evaluation harness depends only on this, so the caller plugs in the real reader,
 * for example {@code path -> reader.read(path, Optional.of(password))}. Either exception marks
 * the sample as an error; the run goes on.
 */
@FunctionalInterface
public interface ArtifactSource {
  List<Artifact> read(Path path) throws IOException, ExtractionException;
}
