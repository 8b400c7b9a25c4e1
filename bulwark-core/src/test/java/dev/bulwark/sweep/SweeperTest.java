package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.audit.OsvLookup;
import dev.bulwark.report.ConsoleSweepRenderer;
import dev.bulwark.report.ReportData;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.Style;
import dev.bulwark.report.ToolInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweeperTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
  private static AdvisoryDatabase db;
  private static AdvisoryLookup lookup;

  @BeforeAll
  static void openDb(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("advisories.db");
    new AdvisoryImporter(CLOCK).buildEmbeddedDefault(p);
    db = AdvisoryDatabase.open(p);
    lookup = new OsvLookup(db);
  }

  @AfterAll
  static void closeDb() {
    db.close();
  }

  private static Sweeper.Run sweep(Path home, Path root, List<Path> iocs) {
    SweepOptions o = new SweepOptions(home, root, Optional.empty(), iocs, 600_000, 1_000_000);
    return new Sweeper(lookup, CLOCK).sweep(o, true);
  }

  private static List<String> kinds(SweepReport r) {
    return r.indicators().stream().map(i -> i.area() + "/" + i.kind()).distinct().sorted().toList();
  }

  @Test
  void cleanTreesYieldNothing(@TempDir Path home, @TempDir Path root) throws Exception {
    FakeTree.write(home.resolve(".bashrc"), "export PATH=$HOME/.nvm/versions/node/v20/bin:$PATH\n"
        + "alias serve='node ~/.nvm/versions/node/v20/bin/http-server'\n");
    FakeTree.write(root.resolve("usr/lib/node_modules/left-pad/package.json"),
        "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}");
    SweepReport r = sweep(home, root, List.of()).report();

    assertThat(r.indicators()).isEmpty();
    assertThat(r.exposures()).isEmpty();
    assertThat(r.compromised()).isFalse();
    assertThat(r.stats().packagesChecked()).isEqualTo(1);
  }

  @Test
  void everyPlantedTraceIsFound(@TempDir Path home, @TempDir Path root) throws Exception {
    FakeTree.plantAll(home, root);
    SweepReport r = sweep(home, root, List.of()).report();

    assertThat(r.compromised()).isTrue();
    assertThat(kinds(r)).contains("FILES/file-trace", "PERSISTENCE/odd-autostart",
        "NETWORK/c2-port", "NETWORK/odd-process", "PACKAGES/malicious-package",
        "EDITORS/autorun-task-fetch");
    assertThat(IndicatorText.known()).as("every kind has report text")
        .containsAll(r.indicators().stream().map(Indicator::kind).toList());
    List<String> paths = r.indicators().stream().map(Indicator::path).toList();
    assertThat(paths).contains(home.resolve(".pyp/python.exe").toString(),
        home.resolve(".n2/pay").toString(), home.resolve(".npl").toString(),
        home.resolve(".sysinfo").toString(), root.resolve("tmp/p2.zip").toString(),
        home.resolve("Library/LaunchAgents/com.example.update.plist").toString(),
        root.resolve("var/spool/cron/crontabs/dev").toString(),
        home.resolve(".config/autostart/updater.desktop").toString(),
        home.resolve(".bashrc").toString(), home.resolve("NTUSER.DAT").toString(),
        root.resolve("usr/lib/node_modules/react-plaid-sdk").toString(),
        root.resolve("usr/lib/python3.11/site-packages/chrome_stealth-0.1.0.dist-info").toString(),
        home.resolve("work/app/.venv/lib/python3.12/site-packages/Chrome_Stealth-0.1.0.dist-info").toString(),
        home.resolve("proj/.vscode/tasks.json").toString());
    assertThat(r.indicators()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("c2-port");
      assertThat(i.detail()).contains("127.0.0.1:1244").contains("pid 1234");
    });
    assertThat(r.indicators()).filteredOn(i -> i.kind().equals("odd-process")).singleElement()
        .satisfies(i -> assertThat(i.detail())
            .endsWith("; started 2026-11-20T01:00:00Z, running 5 d 23 h"));
    assertThat(r.remediation().get(0)).startsWith("Disconnect");
    assertThat(r.indicators()).filteredOn(i -> i.kind().equals("ioc-package"))
        .extracting(Indicator::detail).anySatisfy(d -> assertThat(d).contains("concerto-analysis 3.24.1"))
        .anySatisfy(d -> assertThat(d).contains("npm axios 1.14.1"))
        .anySatisfy(d -> assertThat(d).contains("npm plain-crypto-js 4.2.1"));
    assertThat(r.indicators()).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo("c2-connection");
      assertThat(i.path()).endsWith("tcp6");
      assertThat(i.detail()).contains("216.250.251.187:1224");
    });
  }

  @Test
  void userIocFilesAddTracesAndHashes(@TempDir Path home, @TempDir Path root, @TempDir Path cfg)
      throws Exception {
    FakeTree.write(home.resolve(".evil-marker"), "x");
    FakeTree.write(root.resolve("tmp/stage/blob.bin"), "known bad bytes");
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest("known bad bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Path ioc = FakeTree.write(cfg.resolve("mine.csv"),
        "home-path,.evil-marker,TestFamily,test-source\nsha256," + sha + ",test-hash\n");
    SweepReport r = sweep(home, root, List.of(ioc)).report();

    assertThat(r.notes()).isEmpty();
    assertThat(r.indicators()).extracting(Indicator::kind, Indicator::path).contains(
        org.assertj.core.groups.Tuple.tuple("file-trace", home.resolve(".evil-marker").toString()),
        org.assertj.core.groups.Tuple.tuple("known-bad-hash", root.resolve("tmp/stage/blob.bin").toString()));
  }

  @Test
  void sinceDropsOlderEvidence(@TempDir Path home, @TempDir Path root) throws Exception {
    Path npl = FakeTree.write(home.resolve(".npl"), "inert");
    Files.setLastModifiedTime(npl, java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    SweepOptions o = new SweepOptions(home, root, Optional.of(Instant.parse("2025-01-01T00:00:00Z")),
        List.of(), 600_000, 1_000_000);
    assertThat(new Sweeper(lookup, CLOCK).sweep(o).indicators()).isEmpty();
    assertThat(new Sweeper(lookup, CLOCK).sweep(SweepOptions.of(home, root)).indicators()).isNotEmpty();
  }

  @Test
  void exposureListsSecretsByPathNeverByValue(@TempDir Path home, @TempDir Path root) throws Exception {
    FakeTree.plantSecrets(home);
    FakeTree.plantAll(home, root);
    SweepReport r = sweep(home, root, List.of()).report();

    assertThat(r.exposures()).extracting(Exposure::secretClass, Exposure::path).contains(
        org.assertj.core.groups.Tuple.tuple("npm-token", home.resolve(".npmrc").toString()),
        org.assertj.core.groups.Tuple.tuple("ssh-key", home.resolve(".ssh/id_ed25519").toString()),
        org.assertj.core.groups.Tuple.tuple("browser-passwords", home.resolve(".config/google-chrome/Default/Login Data").toString()),
        org.assertj.core.groups.Tuple.tuple("crypto-wallet", home.resolve(".config/solana/id.json").toString()),
        org.assertj.core.groups.Tuple.tuple("cloud-credentials", home.resolve(".aws/credentials").toString()),
        org.assertj.core.groups.Tuple.tuple("env-file", home.resolve("proj/.env").toString()));
    assertThat(r.exposures()).anySatisfy(e -> assertThat(e.what()).contains("MetaMask"));
    assertThat(r.exposures()).noneSatisfy(e -> assertThat(e.path()).endsWith(".pub"));
    StringWriter console = new StringWriter();
    ConsoleSweepRenderer.render(r, false, Style.plain(), new PrintWriter(console));
    ReportData.Sweep data = new ReportData.Sweep(r, new ToolInfo("test", "", ""), 1);
    List<String> outs = new java.util.ArrayList<>(List.of(console.toString()));
    for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
        ReportFormat.MARKDOWN)) {
      StringWriter w = new StringWriter();
      f.render(data, w);
      outs.add(w.toString());
    }
    for (String out : outs) {
      assertThat(out).doesNotContain(FakeTree.NPM_TOKEN).doesNotContain(FakeTree.ENV_SECRET)
          .contains(".npmrc");
    }
    assertThat(console.toString()).startsWith(ConsoleSweepRenderer.COMPROMISED)
        .contains(home.resolve(".npmrc").toString());
    assertThat(outs.get(1)).contains("\"verdict\" : \"compromised\"");
    assertThat(r.remediation()).anySatisfy(s -> assertThat(s).contains("crypto-wallet"));
  }

  @Test
  void neverReadsOutsideHomeAndRoot(@TempDir Path home, @TempDir Path root, @TempDir Path outside)
      throws Exception {
    FakeTree.plantAll(home, root);
    FakeTree.plantSecrets(home);
    FakeTree.write(outside.resolve("zshrc"), "node ~/.n2/evil-outside.js\n");
    FakeTree.write(outside.resolve("systemd/user/evil-outside.service"), "ExecStart=node /tmp/evil-outside.js\n");
    FakeTree.write(outside.resolve("proj/.vscode/tasks.json"), "{\"tasks\":[{\"label\":\"evil-outside\","
        + "\"command\":\"curl http://example.invalid\",\"runOptions\":{\"runOn\":\"folderOpen\"}}]}");
    Files.createSymbolicLink(home.resolve(".zshrc"), outside.resolve("zshrc"));
    Files.createSymbolicLink(home.resolve(".config/systemd"), outside.resolve("systemd"));
    Files.createSymbolicLink(home.resolve("linked-proj"), outside.resolve("proj"));
    FakeTree.write(home.resolve(".config/Code/User/workspaceStorage/def456/workspace.json"),
        "{\"folder\":\"" + outside.resolve("proj").toUri() + "\"}");
    Sweeper.Run run = sweep(home, root, List.of());

    assertThat(run.report().indicators()).noneSatisfy(i ->
        assertThat(i.detail() + i.path()).contains("evil-outside"));
    List<Path> allowed = List.of(home.toRealPath(), root.toRealPath());
    assertThat(run.fs().accessLog()).isNotEmpty().allSatisfy(p -> {
      Path parent = p.getParent();
      Path real = Files.exists(parent) ? parent.toRealPath() : parent;
      assertThat(allowed.stream().anyMatch(a -> p.startsWith(a) && (real.startsWith(a) || p.equals(a))))
          .as("access to %s", p).isTrue();
    });
    assertThat(run.report().stats().refused()).isPositive();
  }

  @Test
  void deepScanAnalysesInstalledPackagesThroughSweepFs(@TempDir Path home, @TempDir Path root)
      throws Exception {
    Path pkg = root.resolve("usr/lib/node_modules/left-padder");
    for (String f : List.of("package.json", "setup.js")) {
      try (var in = SweeperTest.class.getResourceAsStream(
          "/dev/bulwark/analysis/testdata/packages/credential-hook/" + f)) {
        FakeTree.write(pkg.resolve(f), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    SweepOptions o = new SweepOptions(home, root, Optional.empty(), List.of(), 600_000, 1_000_000);
    SweepReport plain = new Sweeper(lookup, CLOCK).sweep(o);
    SweepReport deep = new Sweeper(lookup, CLOCK,
        Optional.of(dev.bulwark.analysis.StaticAnalyzer.builtin())).sweep(o);

    assertThat(plain.indicators()).isEmpty();
    assertThat(deep.indicators()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo("deep-malicious");
      assertThat(i.strong()).isFalse();
      assertThat(i.path()).isEqualTo(pkg.toString());
    });
  }

  @Test
  void autorunTaskSaysWhetherTheFolderWasTrusted(@TempDir Path home, @TempDir Path root)
      throws Exception {
    FakeTree.plantAll(home, root);
    Path db = home.resolve(".config/Code/User/globalStorage/state.vscdb");
    Files.createDirectories(db.getParent());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var st = c.createStatement()) {
      st.execute("CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)");
      st.execute("INSERT INTO ItemTable VALUES ('" + WorkspaceTrust.KEY + "', '{\"uriTrustInfo\":"
          + "[{\"uri\":{\"$mid\":1,\"scheme\":\"file\",\"path\":\"" + home.resolve("proj")
          + "\"},\"trusted\":true}]}')");
    }
    long before = Files.size(db);
    SweepReport r = sweep(home, root, List.of()).report();

    assertThat(r.indicators()).filteredOn(i -> i.kind().equals("autorun-task-fetch"))
        .singleElement().satisfies(i -> assertThat(i.detail()).contains("the folder is trusted"));
    assertThat(Files.size(db)).isEqualTo(before);
    assertThat(db.resolveSibling("state.vscdb-wal")).doesNotExist();
  }

  @Test
  void benignAutorunTaskIsOnlySuspicious(@TempDir Path home, @TempDir Path root) throws Exception {
    FakeTree.write(home.resolve(".config/Cursor/User/workspaceStorage/x/workspace.json"),
        "{\"folder\":\"" + home.resolve("site").toUri() + "\"}");
    FakeTree.write(home.resolve("site/.vscode/tasks.json"), "{\"tasks\":[{\"label\":\"watch\","
        + "\"command\":\"npm run watch\",\"runOptions\":{\"runOn\":\"folderOpen\"}}]}");
    SweepReport r = sweep(home, root, List.of()).report();

    assertThat(r.indicators()).singleElement().satisfies(i -> {
      assertThat(i.kind()).isEqualTo("autorun-task");
      assertThat(i.strong()).isFalse();
    });
    assertThat(r.compromised()).isFalse();
  }
}
