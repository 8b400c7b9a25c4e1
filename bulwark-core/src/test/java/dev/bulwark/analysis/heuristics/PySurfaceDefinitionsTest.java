package dev.bulwark.analysis.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

/**
 * The first pass of {@link PySurface} finds functions, classes, assignments and imports with a
 * tree-sitter query when the tree has at most {@link PySurface#MAX_NODES} nodes, and by walking
 * every node otherwise. Property: on every Python case of the heuristics' testdata and the fuzz
 * seeds, and on seeded mutants of them (lines dropped, duplicated, indented, cut short; brackets
 * and quotes left open), both give the same surface (calls, imports, names, definitions, queue)
 * for each way a surface is built; and the node count the choice rests on equals the number of
 * nodes the walk visits.
 */
class PySurfaceDefinitionsTest {
  @Test
  void theQueryFindsWhatTheWalkFinds() {
    List<String> texts = corpus();
    assertThat(texts).hasSizeGreaterThan(100);
    int compared = 0;
    for (String text : texts) {
      compared += compare(text);
    }
    assertThat(compared).isGreaterThan(1_000);
  }

  @Test
  void aTreeLargerThanTheBoundIsWalkedAsFarAsTheBound() {
    StringBuilder b = new StringBuilder("import os as o\n");
    for (int i = 0; b.length() < 600_000; i++) {
      b.append("x").append(i).append(" = f(a, b, c)\n");
    }
    b.append("def late():\n    pass\nlate()\n");
    String text = b.toString();
    try (SyntaxTree t = parse(text)) {
      assertThat(t.countNodes(PySurface.MAX_NODES)).isEqualTo(PySurface.MAX_NODES + 1);
      assertThat(walkCount(t.root(), Integer.MAX_VALUE)).isGreaterThan(PySurface.MAX_NODES);
      PySurface s = PySurface.of(t, false);
      assertThat(s.dump()).isEqualTo(PySurface.of(t, false, Set.of(), false, false, true).dump());
      // the definition after the bound is not known, as before
      assertThat(s.dump()).doesNotContain("def late");
    }
  }

  private static int compare(String text) {
    try (SyntaxTree t = parse(text)) {
      if (t == null) {
        return 0;
      }
      int walked = walkCount(t.root(), PySurface.MAX_NODES + 1);
      assertThat(t.countNodes(PySurface.MAX_NODES)).as(text).isEqualTo(walked);
      assertThat(t.countNodes(3)).isEqualTo(Math.min(walked, 4));
      int n = 0;
      for (boolean install : new boolean[] {true, false}) {
        for (boolean followed : new boolean[] {true, false}) {
          Set<String> entries = followed ? Set.of("main", "run", "setup", "Command", "start") : Set.of();
          String byQuery = PySurface.of(t, install, entries, install, followed, false).dump();
          String byWalk = PySurface.of(t, install, entries, install, followed, true).dump();
          assertThat(byQuery).as(text).isEqualTo(byWalk);
          n++;
        }
      }
      return n;
    }
  }

  /** Nodes in tree order as the walk enumerates them (getChild), counted up to {@code limit}. */
  private static int walkCount(TSNode root, int limit) {
    Deque<TSNode> stack = new ArrayDeque<>();
    stack.push(root);
    int n = 0;
    while (!stack.isEmpty() && n < limit) {
      TSNode node = stack.pop();
      n++;
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        stack.push(node.getChild(i));
      }
    }
    return n;
  }

  private static SyntaxTree parse(String text) {
    return SyntaxTree.parse(Language.PYTHON, text, Budget.of(1_000_000, 60_000)).orElse(null);
  }

  /** Every Python case of the heuristics' testdata and fuzz seeds, and mutants of each. */
  private static List<String> corpus() {
    List<String> base = new ArrayList<>();
    for (String dir : new String[] {"testdata", "PySurfaceFuzzTestInputs"}) {
      try (Stream<Path> s = Files.walk(root().resolve(dir))) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          String name = p.toString();
          if (name.contains("/py-") || name.contains("pySurface") || name.endsWith(".py")) {
            base.add(Files.readString(p, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> out = new ArrayList<>(base);
    Random r = new Random(13);
    for (String text : base) {
      for (int k = 0; k < 3; k++) {
        out.add(mutate(text, r));
      }
    }
    return out;
  }

  private static String mutate(String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int i = r.nextInt(lines.size());
      switch (r.nextInt(7)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(r.nextInt(lines.size())));
        case 2 -> lines.set(i, "    " + lines.get(i));
        case 3 -> lines.set(i, lines.get(i).substring(0, lines.get(i).length() / 2));
        case 4 -> lines.set(i, lines.get(i) + " (");
        case 5 -> lines.set(i, lines.get(i) + " '''");
        default -> lines.add(i, "class K" + e + "(install):\n    x = y = run(cmd)\n    def run(self):\n        import subprocess as s\n        s.call(z)");
      }
    }
    return String.join("\n", lines);
  }

  private static Path root() {
    try {
      return Path.of(PySurfaceDefinitionsTest.class.getResource("testdata").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
