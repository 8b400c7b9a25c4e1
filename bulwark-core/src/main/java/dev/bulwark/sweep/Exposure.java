package dev.bulwark.sweep;

import java.util.Comparator;
import java.util.Objects;

/**
 * A secret that exists on this machine and so may have been stolen. Only its existence and path
 * are known to the sweep; the value is never read into a report.
 *
 * @param secretClass what kind of secret, such as {@code ssh-key} or {@code browser-passwords}
 * @param priority rotation order, 1 first
 * @param path where it is
 * @param what a short description (the wallet or browser name, for example)
 * @param rotate how to rotate or move it
 */
public record Exposure(String secretClass, int priority, String path, String what, String rotate)
    implements Comparable<Exposure> {

  private static final Comparator<Exposure> ORDER = Comparator.comparingInt(Exposure::priority)
      .thenComparing(Exposure::secretClass).thenComparing(Exposure::path);

  public Exposure {
    Objects.requireNonNull(secretClass, "secretClass");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(rotate, "rotate");
  }

  @Override
  public int compareTo(Exposure o) {
    return ORDER.compare(this, o);
  }
}
