package dev.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.inventory.InventoryScanner;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.policy.FailOn;
import dev.bulwark.policy.IgnoreRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

  /** A toy format: one "name version [dev]" per line in a file called deps.txt. */
  static final class LinesExtractor implements LockfileExtractor {
    @Override public String id() { return "test/lines"; }
    @Override public Ecosystem ecosystem() { return Ecosystem.NPM; }
    @Override public boolean handles(String fileName) { return fileName.equals("deps.txt"); }

    @Override
    public Inventory extract(LockfileInput in) throws ExtractionException {
      List<Dependency> deps = new ArrayList<>();
      String[] lines = in.text().split("\n");
      for (int i = 0; i < lines.length; i++) {
        String[] p = lines[i].trim().split(" ");
        if (p[0].equals("BROKEN")) {
          throw new ExtractionException(in.displayPath(), i + 1, "broken line");
        }
        deps.add(new Dependency(Ecosystem.NPM, p[0], p[1], false, true, p.length > 2, false,
            DependencySource.REGISTRY, "", "", SourceLocation.of(in.displayPath(), i + 1),
            List.of("root@1.0.0", p[0] + "@" + p[1])));
      }
      return new Inventory(in.displayPath(), id(), Ecosystem.NPM, deps, List.of(), List.of());
    }
  }

  private static AuditFinding finding(Dependency d, String id, AdvisoryKind kind, Severity s) {
    return new AuditFinding(id, List.of("CVE-1"), kind, s, OptionalDouble.empty(), "summary", d,
        List.of("9.9.9"), false, List.of());
  }

  private static final AdvisoryLookup LOOKUP = d -> switch (d.name()) {
    case "lodash" -> List.of(finding(d, "NSWG-ECO-368", AdvisoryKind.VULNERABILITY, Severity.LOW),
        finding(d, "NSWG-ECO-493", AdvisoryKind.VULNERABILITY, Severity.HIGH));
    case "evil" -> List.of(finding(d, "MAL-2025-1", AdvisoryKind.MALICIOUS, Severity.CRITICAL));
    default -> List.of();
  };

  private Auditor auditor() {
    return new Auditor(new InventoryScanner(List.of(new LinesExtractor()), true, 1 << 20, 100),
        LOOKUP, CLOCK);
  }

  @Test
  void reports_findings_sorted_malicious_first_and_counts_failures(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("deps.txt"), "lodash 4.17.4\nok 1.0.0\nevil 1.0.0 dev\n");
    AuditReport r = auditor().audit(List.of(dir), new Auditor.Options(FailOn.DEFAULT, true, List.of()));
    AuditReport.Target t = r.targets().get(0);
    assertThat(t.dependencies()).hasSize(3);
    assertThat(t.findings()).extracting(AuditFinding::id)
        .containsExactly("MAL-2025-1", "NSWG-ECO-493", "NSWG-ECO-368");
    assertThat(r.failingCount()).isEqualTo(2);
    assertThat(t.findings().get(0).dependency().location().line()).isEqualTo(3);
  }

  @Test
  void no_dev_leaves_dev_dependencies_out(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("deps.txt"), "lodash 4.17.4\nevil 1.0.0 dev\n");
    AuditReport r = auditor().audit(List.of(dir), new Auditor.Options(FailOn.DEFAULT, false, List.of()));
    assertThat(r.targets().get(0).dependencies()).extracting(Dependency::name).containsExactly("lodash");
    assertThat(r.targets().get(0).findings()).noneMatch(f -> f.kind() == AdvisoryKind.MALICIOUS);
  }

  @Test
  void ignores_apply_until_expiry_and_unused_ones_are_reported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("deps.txt"), "lodash 4.17.4\n");
    SourceLocation l = SourceLocation.of(".bulwark.yml", 3);
    IgnoreRule byAlias = new IgnoreRule("CVE-1", "", "", "", "why", LocalDate.of(2026, 11, 26), l);
    IgnoreRule expired = new IgnoreRule("NSWG-ECO-493", "", "", "", "why", LocalDate.of(2026, 11, 25), l);
    IgnoreRule unused = new IgnoreRule("", "npm", "left-pad", "", "why", LocalDate.of(2027, 1, 1), l);
    AuditReport r = auditor().audit(List.of(dir),
        new Auditor.Options(FailOn.ANY, true, List.of(expired, byAlias, unused)));
    assertThat(r.targets().get(0).findings()).isEmpty();
    assertThat(r.targets().get(0).ignored()).hasSize(2);
    assertThat(r.expiredIgnores()).containsExactly(expired);
    assertThat(r.unusedIgnores()).containsExactly(unused);
  }

  @Test
  void one_bad_file_is_a_problem_and_the_others_are_still_audited(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("a/deps.txt"), "ok 1.0.0\nBROKEN\n");
    Files.writeString(dir.resolve("b/deps.txt"), "evil 1.0.0\n");
    AuditReport r = auditor().audit(List.of(dir), new Auditor.Options(FailOn.DEFAULT, true, List.of()));
    AuditReport.Target t = r.targets().get(0);
    assertThat(t.problems()).singleElement().satisfies(p -> {
      assertThat(p.location().file()).isEqualTo("a/deps.txt");
      assertThat(p.location().line()).isEqualTo(2);
    });
    assertThat(t.findings()).extracting(AuditFinding::id).containsExactly("MAL-2025-1");
    assertThat(r.incomplete()).isTrue();
  }

  @Test
  void database_failure_is_reported_not_thrown(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("deps.txt"), "lodash 4.17.4\n");
    Auditor a = new Auditor(new InventoryScanner(List.of(new LinesExtractor()), true, 1 << 20, 100),
        d -> { throw new AdvisoryLookup.LookupException("disk I/O error", null); }, CLOCK);
    AuditReport r = a.audit(List.of(dir), new Auditor.Options(FailOn.DEFAULT, true, List.of()));
    assertThat(r.targets().get(0).problems()).singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo("database-error"));
  }

  @Test
  void skips_node_modules_git_and_virtualenvs_and_honours_no_recursion(@TempDir Path dir)
      throws Exception {
    for (String d : List.of("node_modules/x", ".git", "venv", "env", "sub")) {
      Files.createDirectories(dir.resolve(d));
      Files.writeString(dir.resolve(d).resolve("deps.txt"), "evil 1.0.0\n");
    }
    Files.writeString(dir.resolve("env/pyvenv.cfg"), "home = /usr/bin\n");
    InventoryScanner rec = new InventoryScanner(List.of(new LinesExtractor()), true, 1 << 20, 100);
    assertThat(rec.scan(dir).inventories()).extracting(Inventory::file).containsExactly("sub/deps.txt");
    InventoryScanner flat = new InventoryScanner(List.of(new LinesExtractor()), false, 1 << 20, 100);
    assertThat(flat.scan(dir).inventories()).isEmpty();
  }

  @Test
  void oversized_and_invalid_utf8_files_are_clear_problems(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("big"));
    Files.createDirectories(dir.resolve("bad"));
    Files.write(dir.resolve("big/deps.txt"), new byte[2048]);
    Files.write(dir.resolve("bad/deps.txt"), new byte[] {'o', 'k', ' ', '1', '\n', (byte) 0xC3, 0x28});
    InventoryScanner s = new InventoryScanner(List.of(new LinesExtractor()), true, 1024, 100);
    var result = s.scan(dir);
    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems().get(0).message()).contains("invalid UTF-8");
    assertThat(result.problems().get(0).location().line()).isEqualTo(2);
    assertThat(result.problems().get(1).message()).contains("over the limit");
  }

  /**
   * Issue 14: a committed .npmrc with a literal token is a finding that fails the run (with
   * where it is and "revoke it"); the lockfile beside it is still audited and the run is not
   * "incomplete".
   */
  @Test
  void aCommittedTokenIsAFindingAndTheAuditGoesOn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("package-lock.json"), "{\"name\":\"app\",\"lockfileVersion\":3,"
        + "\"packages\":{\"\":{\"name\":\"app\",\"dependencies\":{\"evil\":\"1.0.0\"}},"
        + "\"node_modules/evil\":{\"version\":\"1.0.0\"}}}");
    Files.writeString(dir.resolve(".npmrc"), "@acme:registry=http://127.0.0.1:4873/\n"
        + "//127.0.0.1:4873/:_authToken=npm_COMMITTEDTOKEN0123456789\n");
    Auditor a = new Auditor(new InventoryScanner(dev.bulwark.inventory.Extractors.all(), true,
        1 << 20, 100), LOOKUP, CLOCK);
    AuditReport r = a.audit(List.of(dir), new Auditor.Options(FailOn.DEFAULT, true, List.of()));
    assertThat(r.targets().get(0).findings()).extracting(AuditFinding::id).containsExactly("MAL-2025-1");
    assertThat(r.targets().get(0).problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(dev.bulwark.model.Problem.LEAKED_CREDENTIAL);
      assertThat(p.location().toString()).endsWith(".npmrc:2");
      assertThat(p.message()).contains("Revoke it").doesNotContain("COMMITTEDTOKEN");
    });
    assertThat(r.incomplete()).isFalse();
    assertThat(r.leakedCredentials()).isEqualTo(1);
    assertThat(r.failingCount()).isEqualTo(2);
  }
}
