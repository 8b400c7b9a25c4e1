package dev.bulwark.inventory;

import dev.bulwark.inventory.npm.NpmExtractors;
import dev.bulwark.inventory.pypi.PypiExtractors;
import java.util.ArrayList;
import java.util.List;

/** Every lockfile and manifest format Bulwark reads. */
public final class Extractors {
  private Extractors() {}

  public static List<LockfileExtractor> all() {
    List<LockfileExtractor> all = new ArrayList<>(NpmExtractors.all());
    all.addAll(PypiExtractors.all());
    return List.copyOf(all);
  }
}
