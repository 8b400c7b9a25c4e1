package dev.bulwark.eval;

import dev.bulwark.model.Ecosystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled package of a dataset.
 *
 * @param id unique, stable display id ("npm/lodash-4.17.21.tgz", "pypi/requests@2.0.0")
 * @param label ground truth
 * @param ecosystem the ecosystem told by the dataset's layout, else empty (then the artifact's own
 *     ecosystem is used)
 * @param path the archive or folder to read; for an installed package, the site-packages folder
 * @param members for an installed package, the files (relative to {@code path}) that make it up,
 *     as listed in its {@code RECORD}; empty when {@code path} itself is the package
 */
public record Sample(
    String id, Label label, Optional<Ecosystem> ecosystem, Path path, List<String> members)
    implements Comparable<Sample> {
  public Sample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(path, "path");
    members = List.copyOf(members);
  }

  static Sample of(String id, Label label, Optional<Ecosystem> ecosystem, Path path) {
    return new Sample(id, label, ecosystem, path, List.of());
  }

  /** True when the sample is an npm-style gzip tarball that the system tar can extract. */
  public boolean isTarball() {
    String n = path.getFileName() == null ? "" : path.getFileName().toString();
    return members.isEmpty() && (n.endsWith(".tgz") || n.endsWith(".tar.gz"));
  }

  @Override
  public int compareTo(Sample o) {
    int c = label.compareTo(o.label);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
