package dev.bulwark.analysis.heuristics;

import java.util.List;

/** Every coded heuristic the engine ships. */
public final class BuiltinHeuristics {
  private static final List<Heuristic> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(
      new EntropyHeuristic(),
      new WhitespacePaddingHeuristic(),
      new HiddenCodeHeuristic(),
      new InvisibleUnicodeHeuristic(),
      new MinifiedOutlierHeuristic(),
      new NativeBinaryHeuristic(),
      new UnexpectedBinaryHeuristic(),
      new DisguisedCodeHeuristic(),
      new ObfuscatorIdentifiersHeuristic(),
      new ComputedBuiltinsHeuristic(),
      new BinaryPayloadHeuristic()), java.util.stream.Stream.concat(PySurfaceHeuristic.all().stream(),
          RunSurfaceHeuristic.all().stream())).toList();

  private BuiltinHeuristics() {}

  public static List<Heuristic> all() {
    return ALL;
  }
}
