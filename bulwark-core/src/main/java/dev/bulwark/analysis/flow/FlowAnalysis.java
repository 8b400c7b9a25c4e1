package dev.bulwark.analysis.flow;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Hit;
import java.util.List;
import java.util.Set;

/** Light, name-based data flow inside one file. */
public final class FlowAnalysis {
  private FlowAnalysis() {}

  public static List<Hit> find(SyntaxTree tree, ScanFile file, Set<String> sources, Set<String> sinks,
      Budget budget) {
    return List.of();
  }
}
