package dev.bulwark.registry;

import dev.bulwark.model.Ecosystem;
import java.util.Comparator;

/** A package an install would add or change, at the version it would get. */
public record PlannedPackage(Ecosystem ecosystem, String name, String version)
    implements Comparable<PlannedPackage> {
  private static final Comparator<PlannedPackage> ORDER = Comparator
      .comparing(PlannedPackage::ecosystem).thenComparing(PlannedPackage::name)
      .thenComparing(PlannedPackage::version);

  /** "npm:name@1.0.0" or "pypi:name==1.0.0", as {@link CheckTarget#parse} reads it. */
  public String target() {
    return ecosystem == Ecosystem.NPM ? "npm:" + name + "@" + version : "pypi:" + name + "==" + version;
  }

  @Override
  public int compareTo(PlannedPackage o) {
    return ORDER.compare(this, o);
  }
}
