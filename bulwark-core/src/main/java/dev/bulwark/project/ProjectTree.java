package dev.bulwark.project;

import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Skipped;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project's own files, in memory: source, config, lockfiles and, when present, the repository's
 * {@code .git/config} and {@code .git/hooks}. {@code node_modules}, virtual environments and build
 * output are left out.
 *
 * @param displayName what to call the project in output (the path as given)
 * @param origin "folder", "archive", "git HEAD" or "folder + git HEAD"
 * @param files the files, sorted by path ('/'-separated, relative to the project root)
 * @param problems what could not be read
 * @param skipped what was left out, and why
 */
public record ProjectTree(
    String displayName,
    String origin,
    List<ArtifactFile> files,
    List<Problem> problems,
    List<Skipped> skipped) {

  public ProjectTree {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(origin, "origin");
    files = List.copyOf(files);
    problems = List.copyOf(problems);
    skipped = List.copyOf(skipped);
  }

  /** This tree's files added to {@code other}'s (which wins on equal paths), keeping other's name. */
  ProjectTree merge(ProjectTree other) {
    Map<String, ArtifactFile> m = new TreeMap<>();
    files.forEach(f -> m.put(f.path(), f));
    other.files.forEach(f -> m.put(f.path(), f));
    List<Problem> p = new java.util.ArrayList<>(other.problems);
    p.addAll(problems);
    p.sort(null);
    List<Skipped> s = new java.util.ArrayList<>(other.skipped);
    s.addAll(skipped);
    s.sort(null);
    return new ProjectTree(other.displayName, files.isEmpty() ? other.origin : origin,
        List.copyOf(m.values()), p, s);
  }

  /** Files by path, for lookups. */
  public Map<String, ArtifactFile> byPath() {
    Map<String, ArtifactFile> m = new TreeMap<>();
    for (ArtifactFile f : files) {
      m.put(f.path(), f);
    }
    return Collections.unmodifiableMap(m);
  }

  public Optional<ArtifactFile> file(String path) {
    for (ArtifactFile f : files) {
      if (f.path().equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The file's text (UTF-8, malformed bytes replaced), when present. */
  public Optional<String> text(String path) {
    return file(path).map(f -> new String(f.content(), StandardCharsets.UTF_8));
  }
}
