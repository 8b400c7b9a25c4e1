package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The written-out finding order is the order it replaced: malicious first, then severity, file,
 * line, column, package name, version and id, checked on every pair of a seeded random set that
 * shares dependencies, files and ids (so every tie-break is reached).
 */
class AuditFindingOrderTest {
  private static final Comparator<AuditFinding> REFERENCE =
      Comparator.comparing((AuditFinding f) -> f.kind() == AdvisoryKind.MALICIOUS ? 0 : 1)
          .thenComparing(AuditFinding::severity)
          .thenComparing(f -> f.dependency().location())
          .thenComparing(f -> f.dependency().name())
          .thenComparing(f -> f.dependency().version())
          .thenComparing(AuditFinding::id);

  @Test
  void sameOrderAsTheKeyChain() {
    SplittableRandom rnd = new SplittableRandom(13);
    List<Dependency> deps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      deps.add(new Dependency(Ecosystem.NPM, "p" + rnd.nextInt(4), "1." + rnd.nextInt(3) + ".0",
          false, true, false, false, DependencySource.REGISTRY, "", "",
          new SourceLocation("f" + rnd.nextInt(2) + ".json", rnd.nextInt(3), rnd.nextInt(2)),
          List.of()));
    }
    List<AuditFinding> findings = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      AdvisoryKind kind = rnd.nextInt(4) == 0 ? AdvisoryKind.MALICIOUS : AdvisoryKind.VULNERABILITY;
      Severity sev = Severity.values()[rnd.nextInt(Severity.values().length)];
      findings.add(new AuditFinding("ID-" + rnd.nextInt(5), List.of(), kind, sev,
          OptionalDouble.empty(), "", deps.get(rnd.nextInt(deps.size())), List.of(), false,
          List.of()));
    }
    int ties = 0;
    for (AuditFinding a : findings) {
      for (AuditFinding b : findings) {
        int want = Integer.signum(REFERENCE.compare(a, b));
        assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b).isEqualTo(want);
        if (want == 0 && a != b) {
          ties++;
        }
      }
    }
    assertThat(ties).as("equal findings reached").isPositive();
    List<AuditFinding> sorted = new ArrayList<>(findings);
    sorted.sort(null);
    List<AuditFinding> expected = new ArrayList<>(findings);
    expected.sort(REFERENCE);
    assertThat(sorted).isEqualTo(expected);
  }
}
