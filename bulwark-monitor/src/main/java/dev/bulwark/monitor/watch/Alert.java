package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.VersionKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert: a project pins a package version that has a bad verdict or an advisory. There is
 * at most one per project, package version and cause.
 *
 * @param id stable id (increasing)
 * @param project the project's name
 * @param key ecosystem, name and version
 * @param cause {@code verdict:malicious}, {@code verdict:suspicious} or {@code advisory:<ID>}
 * @param verdict malicious, suspicious or vulnerable
 * @param summary one line for people (the verdict's reason or the advisory's summary)
 * @param state new, acknowledged or resolved
 * @param raised when it was (last) raised
 */
public record Alert(long id, String project, VersionKey key, String cause, String verdict,
    String summary, AlertState state, Instant raised) {
  public Alert {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(raised, "raised");
  }
}
