package dev.bulwark.inventory.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generated large lockfiles: correctness at scale, without timing assertions. */
class NpmScaleTest {

  /** A v3 lockfile: root depends on 100 packages, every other package on a random earlier one. */
  static String lockfile(int count, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(count * 200);
    b.append("{\n  \"name\": \"big\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n")
        .append("  \"packages\": {\n    \"\": {\n      \"name\": \"big\",\n")
        .append("      \"version\": \"1.0.0\",\n      \"dependencies\": {\n");
    for (int i = 0; i < 100; i++) {
      b.append("        \"p").append(i).append("\": \"^1.0.0\"").append(i < 99 ? ",\n" : "\n");
    }
    b.append("      }\n    }");
    List<List<Integer>> children = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      children.add(new java.util.ArrayList<>());
      if (i >= 100) {
        children.get(r.nextInt(i)).add(i);
      }
    }
    for (int i = 0; i < count; i++) {
      b.append(",\n    \"node_modules/p").append(i).append("\": {\n")
          .append("      \"version\": \"1.0.").append(i).append("\",\n")
          .append("      \"resolved\": \"http://127.0.0.1:4873/p").append(i).append("/-/p")
          .append(i).append("-1.0.").append(i).append(".tgz\",\n")
          .append("      \"integrity\": \"sha512-AAAA\",\n      \"dependencies\": {");
      String sep = "";
      for (int j : children.get(i)) {
        b.append(sep).append("\n        \"p").append(j).append("\": \"^1.0.0\"");
        sep = ",";
      }
      b.append("\n      }\n    }");
    }
    b.append("\n  }\n}\n");
    return b.toString();
  }

  /** A pnpm 9 lockfile with the same shape: 100 direct packages, the rest below them. */
  static String pnpmLockfile(int count, long seed) {
    Random r = new Random(seed);
    List<List<Integer>> children = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      children.add(new java.util.ArrayList<>());
      if (i >= 100) {
        children.get(r.nextInt(i)).add(i);
      }
    }
    StringBuilder b = new StringBuilder(count * 150);
    b.append("lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n");
    for (int i = 0; i < 100; i++) {
      b.append("      p").append(i).append(":\n        specifier: ^1.0.0\n        version: 1.0.")
          .append(i).append('\n');
    }
    b.append("\npackages:\n\n");
    for (int i = 0; i < count; i++) {
      b.append("  p").append(i).append("@1.0.").append(i)
          .append(":\n    resolution: {integrity: sha512-AAAA}\n\n");
    }
    b.append("snapshots:\n\n");
    for (int i = 0; i < count; i++) {
      b.append("  p").append(i).append("@1.0.").append(i).append(':');
      if (children.get(i).isEmpty()) {
        b.append(" {}\n\n");
        continue;
      }
      b.append("\n    dependencies:\n");
      for (int j : children.get(i)) {
        b.append("      p").append(j).append(": 1.0.").append(j).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void extractsTenThousandPnpmPackages() throws Exception {
    Inventory inv = new PnpmLockExtractor().extract(
        LockfileInput.ofText("pnpm-lock.yaml", pnpmLockfile(10_000, 7L)));
    assertThat(inv.problems()).isEmpty();
    assertThat(inv.dependencies()).hasSize(10_000)
        .allSatisfy(d -> assertThat(d.path()).isNotEmpty().startsWith("(root)"));
    assertThat(inv.dependencies()).filteredOn(Dependency::direct).hasSize(100);
  }

  @Test
  void extractsTenThousandPackages() throws Exception {
    String text = lockfile(10_000, 42L);
    Inventory inv = new PackageLockExtractor().extract(
        LockfileInput.ofText("package-lock.json", text));
    assertThat(inv.problems()).isEmpty();
    assertThat(inv.dependencies()).hasSize(10_000);
    assertThat(inv.dependencies()).filteredOn(Dependency::direct).hasSize(100);
    Dependency first = inv.dependencies().get(0);
    assertThat(first.name()).isEqualTo("p0");
    assertThat(first.path()).containsExactly("big@1.0.0", "p0@1.0.0");
    assertThat(first.location().line()).isEqualTo(text.lines().toList()
        .indexOf("    \"node_modules/p0\": {") + 1);
    for (Dependency d : inv.dependencies()) {
      assertThat(d.path()).as(d.name()).isNotEmpty().startsWith("big@1.0.0")
          .endsWith(d.name() + "@" + d.version());
    }
  }

  @Test
  void longChainsKeepRootAndTailOfThePath() throws Exception {
    StringBuilder b = new StringBuilder("{\"lockfileVersion\": 3, \"packages\": {\"\": {\"name\":"
        + " \"chain\", \"dependencies\": {\"c0\": \"1.0.0\"}}");
    for (int i = 0; i < 300; i++) {
      b.append(",\n\"node_modules/c").append(i).append("\": {\"version\": \"1.0.0\"")
          .append(i < 299 ? ", \"dependencies\": {\"c" + (i + 1) + "\": \"1.0.0\"}" : "")
          .append('}');
    }
    b.append("}}");
    List<Dependency> deps = new PackageLockExtractor().extract(
        LockfileInput.ofText("package-lock.json", b.toString())).dependencies();
    Dependency last = deps.get(deps.size() - 1);
    assertThat(last.name()).isEqualTo("c299");
    assertThat(last.path()).hasSize(LockGraph.MAX_PATH);
    assertThat(last.path().subList(0, 3)).containsExactly("chain", "…", "c238@1.0.0");
    assertThat(last.path()).endsWith("c298@1.0.0", "c299@1.0.0");
    assertThat(deps.get(0).path()).containsExactly("chain", "c0@1.0.0");
  }
}
