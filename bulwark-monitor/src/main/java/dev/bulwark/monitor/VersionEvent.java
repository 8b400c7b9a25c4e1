package dev.bulwark.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * One new version found on a feed: one queue message.
 *
 * @param key ecosystem, name and version
 * @param artifactUrl where the artifact (npm tarball, PyPI sdist or wheel) is downloaded from
 * @param expected the hash the registry announced for it
 * @param published when the registry says it was published ({@link Instant#EPOCH} when unknown)
 * @param feed the feed that found it ("npm", "pypi")
 * @param position the feed position (opaque cursor) of the change that announced it
 */
public record VersionEvent(
    VersionKey key,
    String artifactUrl,
    ArtifactHash expected,
    Instant published,
    String feed,
    String position) {
  public VersionEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(artifactUrl, "artifactUrl");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(position, "position");
  }
}
