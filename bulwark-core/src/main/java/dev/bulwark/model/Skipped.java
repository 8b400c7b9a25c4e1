package dev.bulwark.model;

import java.util.Objects;

/**
 * Something not analysed, and why: a file over the size limit, a parse that ran out of time, an
 * archive nested too deep.
 */
public record Skipped(String path, String reason) implements Comparable<Skipped> {
  public Skipped {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public int compareTo(Skipped o) {
    int c = path.compareTo(o.path);
    return c != 0 ? c : reason.compareTo(o.reason);
  }
}
