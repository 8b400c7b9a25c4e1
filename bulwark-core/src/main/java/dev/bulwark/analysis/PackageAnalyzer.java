package dev.bulwark.analysis;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.model.ScanResult;

/** Decides whether one package is malicious, from its files alone. Thread-safe; never prints. */
public interface PackageAnalyzer {
  ScanResult analyze(Artifact artifact);
}
