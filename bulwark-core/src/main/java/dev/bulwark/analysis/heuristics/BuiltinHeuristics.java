package dev.bulwark.analysis.heuristics;

import java.util.List;

/** Every coded heuristic the engine ships. */
public final class BuiltinHeuristics {
  private BuiltinHeuristics() {}

  public static List<Heuristic> all() {
    return List.of();
  }
}
