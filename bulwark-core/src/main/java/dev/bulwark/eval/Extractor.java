package dev.bulwark.eval;

import java.io.IOException;
import java.nio.file.Path;

/** Plain extraction of one tarball, the speed baseline a scan is compared with. */
@FunctionalInterface
public interface Extractor {
  /** Extracts the tarball somewhere temporary, removes it again, and returns the extraction time. */
  long extractNanos(Path tarball) throws IOException;
}
