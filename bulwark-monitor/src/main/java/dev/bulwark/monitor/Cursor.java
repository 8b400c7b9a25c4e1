package dev.bulwark.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a feed follower stands.
 *
 * @param position the feed's own opaque position (npm {@code seq}, PyPI serial)
 * @param origin versions published before this instant are history, not news: a package seen
 *     for the first time after {@code --since now} does not queue its old versions.
 *     {@link Instant#EPOCH} for {@code --since 0}.
 */
public record Cursor(String position, Instant origin) {
  public Cursor {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(origin, "origin");
  }
}
