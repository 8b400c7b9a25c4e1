package dev.bulwark.analysis.ioc;

import java.util.Objects;

/**
 * One indicator of compromise.
 *
 * @param type what kind of indicator it is
 * @param value the refanged, canonical value (lower case for hashes, domains and package names)
 * @param source who published it, such as {@code cisco-talos:beavertail-and-ottercookie}
 */
public record Ioc(IocType type, String value, String source) implements Comparable<Ioc> {
  public Ioc {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public int compareTo(Ioc o) {
    int c = type.compareTo(o.type);
    if (c != 0) {
      return c;
    }
    c = value.compareTo(o.value);
    return c != 0 ? c : source.compareTo(o.source);
  }
}
