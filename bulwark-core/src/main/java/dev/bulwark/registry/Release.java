package dev.bulwark.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One published version, as the registry describes it.
 *
 * @param version the version string
 * @param published when it was published, when known
 * @param publisher who published it ("" when unknown)
 * @param maintainers the maintainers listed on this version, sorted
 * @param installScripts npm lifecycle scripts that run on install (preinstall, install,
 *     postinstall, prepare), by name
 * @param attested true when the version carries provenance attestations or registry signatures
 * @param repository the repository URL ("" when none)
 * @param description the one-line description ("" when none)
 * @param artifactUrl the tarball or wheel/sdist URL ("" when none)
 * @param integrity npm SRI ("sha512-…") or "sha256:HEX" for PyPI ("" when none)
 */
public record Release(String version, Optional<Instant> published, String publisher,
    List<String> maintainers, Map<String, String> installScripts, boolean attested,
    String repository, String description, String artifactUrl, String integrity) {
  public Release {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(publisher, "publisher");
    maintainers = List.copyOf(maintainers.stream().sorted().distinct().toList());
    installScripts = Map.copyOf(new TreeMap<>(installScripts));
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(artifactUrl, "artifactUrl");
    Objects.requireNonNull(integrity, "integrity");
  }
}
