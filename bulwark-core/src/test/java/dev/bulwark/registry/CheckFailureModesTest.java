package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryImporter;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.audit.AdvisoryLookup;
import dev.bulwark.audit.OsvLookup;
import dev.bulwark.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a check can fail to complete, against a loopback registry whose answer is set per
 * case, each with and without a MAL record (the shipped sample data, which holds MAL-2025-5285
 * for react-plaid-sdk, all versions; plain-lantern has no advisory). A check that could not
 * complete is unknown, never clean; a MAL record makes it malicious whatever the registry says.
 * The table in docs/cli.md ("check failure modes") is this test.
 */
class CheckFailureModesTest {
  static final String MAL = "react-plaid-sdk";
  static final String PLAIN = "plain-lantern";
  static HttpServer server;
  static String base;
  static volatile String mode = "ok";
  static AdvisoryDatabase db;
  static AdvisoryLookup lookup;
  static Path dir;
  static dev.bulwark.analysis.StaticAnalyzer analyzer;
  /** Built once: gzip stamps the time, so a second build could differ from the packument's hash. */
  static byte[] tgz;

  @BeforeAll
  static void start() throws Exception {
    tgz = FakeRegistry.npmTgz(PLAIN, "1.0.0", "", "module.exports = 1;\n");
    dir = Files.createTempDirectory("bulwark-check-modes");
    Path file = dir.resolve("advisories.db");
    new AdvisoryImporter(CheckerTest.CLOCK).buildEmbeddedDefault(file);
    db = AdvisoryDatabase.open(file);
    lookup = new OsvLookup(db);
    analyzer = new dev.bulwark.analysis.StaticAnalyzer(dev.bulwark.scan.Catalogs.load(List.of()));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-registry");
      t.setDaemon(true);
      return t;
    }));
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", CheckFailureModesTest::handle);
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop(0);
    db.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String name = path.substring(1);
    boolean tarball = path.startsWith("/t/");
    int status = 200;
    String body = "";
    switch (tarball ? (mode.equals("tarball-404") ? "404" : "tgz") : mode) {
      case "tgz" -> {
        send(ex, 200, tgz);
        return;
      }
      case "404" -> status = 404;
      case "410" -> status = 410;
      case "500" -> status = 500;
      case "slow" -> {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        body = packument(name, Integrity.sha512Sri(tgz));
      }
      case "garbled" -> body = "{\"name\": \"" + name + "\", \"versions\": {";
      case "wrong-shape" -> body = "{\"name\": 7, \"versions\": [\"1.0.0\"], \"dist-tags\": \"x\"}";
      case "no-versions" -> body = "{\"name\": \"" + name + "\", \"versions\": {}, \"dist-tags\": {}}";
      default -> body = packument(name, Integrity.sha512Sri(tgz));
    }
    send(ex, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }

  private static String packument(String name, String sri) {
    String v = "{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"maintainers\":[{\"name\":\"a\"}],"
        + "\"_npmUser\":{\"name\":\"a\"},\"repository\":\"https://example.invalid/" + name + "\","
        + "\"dist\":{\"tarball\":\"" + base + "/t/" + name + ".tgz\",\"integrity\":\"" + sri + "\"}}";
    return "{\"name\":\"" + name + "\",\"description\":\"d\",\"readme\":\"r\","
        + "\"dist-tags\":{\"latest\":\"1.0.0\"},\"time\":{\"0.9.0\":\"2020-01-01T00:00:00Z\","
        + "\"1.0.0\":\"2021-01-01T00:00:00Z\"},\"versions\":{\"0.9.0\":" + v.replace("1.0.0", "0.9.0")
        + ",\"1.0.0\":" + v + "}}";
  }

  static Checker checker(String registryBase) {
    HttpPolicy fast = new HttpPolicy(Duration.ofMillis(400), 2, Duration.ZERO, 1 << 20, 1 << 20);
    RegistryHttp http = new RegistryHttp(HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2)).build(), fast, Optional.empty(), d -> { });
    NpmSettings npm = new NpmSettings(registryBase, Map.of(), Credentials.none(), "test");
    PypiSettings pypi = new PypiSettings(registryBase + "/simple", List.of(), "test");
    Checker.Registries regs = new Checker.Registries(Optional.of(new NpmClient(http, npm)), "",
        Optional.of(new PypiClient(http, pypi)), "");
    MetadataHeuristics h = new MetadataHeuristics(Typosquats.builtin(),
        new MetadataHeuristics.Options(7, Set.of(), false));
    return new Checker(regs, h, Typosquats.builtin(), analyzer,
        new ArtifactReader(ReaderLimits.defaults()), Optional.of(lookup), CheckerTest.CLOCK);
  }

  static String closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  /** mode, spec suffix, verdict without a MAL record, its problem's words, verdict with one. */
  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("ok", "", CheckVerdict.CLEAN, "", CheckVerdict.MALICIOUS),
        Arguments.of("ok", "@9.9.9", CheckVerdict.UNKNOWN, "no version of", CheckVerdict.MALICIOUS),
        Arguments.of("no-versions", "", CheckVerdict.UNKNOWN, "", CheckVerdict.MALICIOUS),
        Arguments.of("404", "", CheckVerdict.UNKNOWN, "not found (404)", CheckVerdict.MALICIOUS),
        Arguments.of("404", "@1.0.0", CheckVerdict.UNKNOWN, "not found (404)", CheckVerdict.MALICIOUS),
        Arguments.of("410", "", CheckVerdict.UNKNOWN, "HTTP 410", CheckVerdict.MALICIOUS),
        Arguments.of("500", "", CheckVerdict.UNKNOWN, "gave up after 2 attempts", CheckVerdict.MALICIOUS),
        Arguments.of("slow", "", CheckVerdict.UNKNOWN, "", CheckVerdict.MALICIOUS),
        Arguments.of("garbled", "", CheckVerdict.UNKNOWN, "", CheckVerdict.MALICIOUS),
        Arguments.of("wrong-shape", "", CheckVerdict.UNKNOWN, "", CheckVerdict.MALICIOUS),
        Arguments.of("unreachable", "", CheckVerdict.UNKNOWN, "", CheckVerdict.MALICIOUS),
        Arguments.of("tarball-404", "", CheckVerdict.UNKNOWN, "not found (404)", CheckVerdict.MALICIOUS));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("modes")
  void aFailedCheckIsUnknownAndAMalRecordWins(String m, String spec, CheckVerdict plain, String words,
      CheckVerdict withMal) throws IOException {
    mode = m;
    Checker c = checker(m.equals("unreachable") ? closedPort() : base);
    CheckResult r = c.check(CheckTarget.parse("npm:" + PLAIN + spec));
    assertThat(r.verdict()).as(r.reason() + " " + r.problems()).isEqualTo(plain);
    if (plain == CheckVerdict.UNKNOWN) {
      assertThat(r.problems()).isNotEmpty();
      assertThat(r.reason()).startsWith("the check could not complete: ")
          .contains(r.problems().get(0).message()).contains(words);
      assertThat(r.recommendation()).startsWith("Do not install");
    }
    CheckResult mal = c.check(CheckTarget.parse("npm:" + MAL + spec));
    assertThat(mal.verdict()).as(mal.reason() + " " + mal.problems()).isEqualTo(withMal);
    assertThat(mal.reason()).contains("MAL-2025-5285");
    assertThat(mal.advisories()).extracting(a -> a.id()).contains("MAL-2025-5285");
    assertThat(mal.problems().stream().map(Problem::code).toList())
        .isEqualTo(r.problems().stream().map(Problem::code).toList());
  }

  @ParameterizedTest(name = "pypi {0}")
  @MethodSource("pypiModes")
  void pypiFollowsTheSameRule(String m) throws IOException {
    mode = m;
    Checker c = checker(m.equals("unreachable") ? closedPort() : base);
    CheckResult r = c.check(CheckTarget.parse("pypi:" + PLAIN + "==1.0.0"));
    assertThat(r.verdict()).as(r.reason()).isEqualTo(CheckVerdict.UNKNOWN);
    CheckResult mal = c.check(CheckTarget.parse("pypi:" + PYPI_MAL));
    assertThat(mal.verdict()).as(mal.reason()).isEqualTo(CheckVerdict.MALICIOUS);
  }

  static Stream<String> pypiModes() {
    return Stream.of("404", "500", "garbled", "unreachable");
  }

  /** A PyPI name with an all-versions MAL record in the shipped sample. */
  static final String PYPI_MAL = "disscord-py";

  @ParameterizedTest(name = "guard {0}")
  @MethodSource("guardModes")
  void theGuardBlocksOnUnknownUnlessAllowedAndAlwaysOnMal(String m) throws IOException {
    mode = m;
    Checker c = checker(m.equals("unreachable") ? closedPort() : base);
    List<PlannedPackage> plain = List.of(new PlannedPackage(dev.bulwark.model.Ecosystem.NPM, PLAIN, "1.0.0"));
    List<PlannedPackage> mal = List.of(new PlannedPackage(dev.bulwark.model.Ecosystem.NPM, MAL, "1.0.0"));
    assertThat(new InstallGuard(c, CommandRunner.none(), false).decide(plain).block()).isTrue();
    assertThat(new InstallGuard(c, CommandRunner.none(), false, true, 1).decide(plain).block()).isFalse();
    assertThat(new InstallGuard(c, CommandRunner.none(), false, true, 1).decide(mal).block()).isTrue();
  }

  static Stream<String> guardModes() {
    return Stream.of("404", "410", "500", "garbled", "unreachable");
  }
}
