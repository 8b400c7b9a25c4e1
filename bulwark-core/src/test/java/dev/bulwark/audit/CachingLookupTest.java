package dev.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One database lookup per distinct package; every occurrence gets findings bound to itself. */
class CachingLookupTest {
  private static Dependency dep(String version, int line) {
    return new Dependency(Ecosystem.NPM, "pkg", version, false, true, false, false,
        DependencySource.REGISTRY, "", "", SourceLocation.of("package-lock.json", line), List.of());
  }

  @Test
  void looksUpOnceAndBindsEachOccurrence() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CachingLookup lookup = new CachingLookup(d -> {
      calls.incrementAndGet();
      return List.of(new AuditFinding("GHSA-1", List.of(), AdvisoryKind.VULNERABILITY, Severity.HIGH,
          OptionalDouble.empty(), "s", d, List.of(), false, List.of()));
    });
    Dependency first = dep("1.0.0", 10);
    Dependency second = dep("1.0.0", 20);
    Dependency other = dep("2.0.0", 30);

    assertThat(lookup.lookup(first)).singleElement().extracting(AuditFinding::dependency).isSameAs(first);
    assertThat(lookup.lookup(second)).singleElement().extracting(AuditFinding::dependency).isSameAs(second);
    assertThat(lookup.lookup(first)).singleElement().extracting(AuditFinding::dependency).isSameAs(first);
    assertThat(calls).hasValue(1);
    assertThat(lookup.lookup(other)).singleElement().extracting(AuditFinding::dependency).isSameAs(other);
    assertThat(calls).hasValue(2);
  }

  @Test
  void lookupAllAsksTheMissesOnceInOneBatchAndBindsEachOccurrence() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<List<Dependency>> batches = new java.util.ArrayList<>();
    AdvisoryLookup inner = new AdvisoryLookup() {
      @Override
      public List<AuditFinding> lookup(Dependency d) {
        calls.incrementAndGet();
        return List.of(new AuditFinding("GHSA-" + d.version(), List.of(), AdvisoryKind.VULNERABILITY,
            Severity.HIGH, OptionalDouble.empty(), "s", d, List.of(), false, List.of()));
      }

      @Override
      public List<List<AuditFinding>> lookupAll(List<Dependency> deps) throws LookupException {
        batches.add(List.copyOf(deps));
        return AdvisoryLookup.super.lookupAll(deps);
      }
    };
    CachingLookup lookup = new CachingLookup(inner);
    Dependency cachedBefore = dep("0.9.0", 5);
    lookup.lookup(cachedBefore);
    List<Dependency> deps = List.of(dep("1.0.0", 10), dep("1.0.0", 20), dep("2.0.0", 30), dep("0.9.0", 40),
        dep("2.0.0", 50));

    List<List<AuditFinding>> got = lookup.lookupAll(deps);

    assertThat(batches).containsExactly(List.of(deps.get(0), deps.get(2)));
    assertThat(calls).hasValue(3);
    for (int i = 0; i < deps.size(); i++) {
      Dependency d = deps.get(i);
      assertThat(got.get(i)).singleElement().satisfies(f -> {
        assertThat(f.dependency()).isSameAs(d);
        assertThat(f.id()).isEqualTo("GHSA-" + d.version());
      });
      assertThat(got.get(i)).isEqualTo(lookup.lookup(d));
    }
    assertThat(calls).hasValue(3);
  }
}
