package dev.bulwark.scan;

import dev.bulwark.model.ScanResult;
import dev.bulwark.project.ProjectResult;

/** The result for one scan target: a package, or a project with its execution surface. */
public sealed interface TargetResult {
  ScanResult scan();

  /** A package (archive, folder or installed package). */
  record Package(ScanResult scan) implements TargetResult {}

  /** A project (repository, take-home assignment). */
  record Project(ProjectResult project) implements TargetResult {
    @Override
    public ScanResult scan() {
      return project.scan();
    }
  }
}
