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
}
