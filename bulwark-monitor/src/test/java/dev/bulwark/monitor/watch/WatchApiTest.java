package dev.bulwark.monitor.watch;

import static dev.bulwark.monitor.watch.WatchHttp.get;
import static dev.bulwark.monitor.watch.WatchHttp.put;
import static dev.bulwark.monitor.watch.WatchHttp.req;
import static dev.bulwark.monitor.watch.WatchHttp.resource;
import static dev.bulwark.monitor.watch.WatchHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.ArtifactHash;
import dev.bulwark.monitor.MonitorVerdict;
import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.VerdictFinding;
import dev.bulwark.monitor.VerdictRecord;
import dev.bulwark.monitor.VersionEvent;
import dev.bulwark.monitor.VersionKey;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API over real HTTP on loopback, embedded mode: uploads, errors, access, escaping. */
class WatchApiTest {
  @TempDir Path state;
  Watch watch;
  WatchServer server;
  int port;
  String admin;

  @BeforeEach
  void start() throws Exception {
    watch = Watch.open(Watch.Options.of(state), Clock.systemUTC(), Sleeper.real(), () -> 7,
        e -> { }, a -> { });
    watch.ensureAdminToken(state);
    admin = Files.readString(state.resolve(Tokens.ADMIN_FILE)).strip();
    server = WatchServer.start(watch, new WatchServer.Options("127.0.0.1", 0, 64 << 10, 5,
        java.time.Duration.ofHours(1)), Clock.systemUTC());
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    watch.close();
  }

  static VerdictRecord verdict(String name, String version, MonitorVerdict v, String message) {
    VersionEvent e = new VersionEvent(new VersionKey(Ecosystem.NPM, name, version),
        "http://127.0.0.1:1/t.tgz", ArtifactHash.none(), Instant.parse("2026-12-01T00:00:00Z"),
        "npm", "1");
    return new VerdictRecord(e, "none", v, message, 90, List.of(new VerdictFinding("js-eval",
        "critical", "package/index.js", 3, message)), Set.of(), Instant.parse(
        "2026-12-01T00:01:00Z"));
  }

  String token(Scope s) throws Exception {
    return Tokens.create(watch.store(), "t", s, Instant.now()).secret();
  }

  @Test
  void uploadIsCheckedAtOnceAgainstKnownVerdicts() throws Exception {
    watch.onVerdict(verdict("x", "1.0.0", MonitorVerdict.MALICIOUS, "steals tokens"));
    WatchHttp.Answer up = put(port, "/api/projects/web?file=package-lock.json", admin,
        resource("with-x.package-lock.json"));
    assertThat(up.status()).as(up.body()).isEqualTo(200);
    assertThat(up.json().path("raised")).hasSize(1);
    assertThat(up.json().path("raised").get(0).path("summary").asText()).contains("steals");
    JsonNode p = get(port, "/api/projects/web", admin).json();
    assertThat(p.path("packages")).hasSize(2);
    assertThat(p.path("findings")).hasSize(1);
    assertThat(get(port, "/api/projects", admin).json().path("projects").get(0).path("name")
        .asText()).isEqualTo("web");
  }

  @Test
  void multipartUploadAndCycloneDx() throws Exception {
    String boundary = "b0undary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"bom.cdx.json\"\r\nContent-Type: application/json\r\n\r\n"
        + resource("bom.cdx.json") + "\r\n--" + boundary + "--\r\n";
    WatchHttp.Answer up = send(req(port, "/api/projects/sbom-app", admin)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(up.status()).as(up.body()).isEqualTo(200);
    assertThat(up.json().path("format").asText()).isEqualTo("cyclonedx");
    assertThat(up.json().path("packages").asInt()).isEqualTo(3);
    watch.onVerdict(verdict("@scope/evil", "2.0.0", MonitorVerdict.SUSPICIOUS, "odd"));
    JsonNode alerts = get(port, "/api/alerts?state=new", admin).json().path("alerts");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).path("name").asText()).isEqualTo("@scope/evil");
    assertThat(get(port, "/api/packages/npm/@scope/evil/2.0.0", admin).json().path("verdict")
        .asText()).isEqualTo("suspicious");
  }

  static Stream<Arguments> badUploads() {
    return Stream.of(
        Arguments.of("package-lock.json", "{not json", 422, "package-lock.json"),
        Arguments.of("package-lock.json", "", 400, "empty"),
        Arguments.of("notes.txt", "hello", 415, "notes.txt"),
        Arguments.of("../../etc/passwd", "x", 400, "file name"),
        Arguments.of("other.json", "{\"a\":1}", 415, "CycloneDX"),
        Arguments.of("requirements.txt", "-r /etc/passwd\n", 422, "requirements.txt"),
        Arguments.of("package-lock.json", "{\"x\":\"" + "a".repeat(70_000) + "\"}", 413,
            "limit"));
  }

  @ParameterizedTest
  @MethodSource("badUploads")
  void badFilesGetAClear4xxNamingTheProblem(String file, String body, int status, String says)
      throws Exception {
    WatchHttp.Answer a = put(port, "/api/projects/p?file=" + URLEncoder.encode(file,
        StandardCharsets.UTF_8), admin, body);
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.json().path("error").asText()).contains(says);
    assertThat(a.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void uploadsAreRateLimitedPerToken() throws Exception {
    String lock = resource("without-x.package-lock.json");
    int ok = 0;
    int limited = 0;
    for (int i = 0; i < 8; i++) {
      int s = put(port, "/api/projects/r?file=package-lock.json", admin, lock).status();
      ok += s == 200 ? 1 : 0;
      limited += s == 429 ? 1 : 0;
    }
    assertThat(ok).isEqualTo(5);
    assertThat(limited).isEqualTo(3);
  }

  /** Every endpoint: method, path, and what it needs. */
  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("GET", "/api/health", "read"),
        Arguments.of("GET", "/metrics", "read"),
        Arguments.of("GET", "/api/projects", "read"),
        Arguments.of("GET", "/api/projects/p", "read"),
        Arguments.of("GET", "/api/alerts", "read"),
        Arguments.of("GET", "/api/packages/npm/x/1.0.0", "read"),
        Arguments.of("GET", "/", "read"),
        Arguments.of("GET", "/projects", "read"),
        Arguments.of("GET", "/alerts", "read"),
        Arguments.of("PUT", "/api/projects/p?file=package-lock.json", "upload"),
        Arguments.of("POST", "/api/projects/p", "upload"),
        Arguments.of("POST", "/api/alerts/1/ack", "change"),
        Arguments.of("POST", "/alerts/1/ack", "change"),
        Arguments.of("POST", "/logout", "read"));
  }

  WatchHttp.Answer call(String method, String path, String token, String cookie, String csrf)
      throws Exception {
    HttpRequest.Builder b = req(port, path, token);
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    String form = csrf == null ? "" : "csrf=" + csrf;
    b.header("Content-Type", "application/x-www-form-urlencoded");
    return send(method.equals("GET") ? b.GET()
        : b.method(method, HttpRequest.BodyPublishers.ofString(form)));
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void everyEndpointRefusesWithoutAValidToken(String method, String path, String need)
      throws Exception {
    assertThat(call(method, path, null, null, null).status()).as("no token").isEqualTo(401);
    assertThat(call(method, path, "bw_forged_secret", null, null).status()).as("unknown")
        .isEqualTo(401);
    String revoked = token(Scope.ADMIN);
    watch.store().revoke(revoked.substring(3, revoked.indexOf('_', 3)));
    assertThat(call(method, path, revoked, null, null).status()).as("revoked").isEqualTo(401);
    String wrong = token(need.equals("upload") ? Scope.READ_ONLY : need.equals("read")
        ? Scope.UPLOAD_ONLY : Scope.READ_ONLY);
    assertThat(call(method, path, wrong, null, null).status()).as("wrong scope").isEqualTo(403);
    assertThat(call(method, path, null, "bulwark_session=forged", null).status())
        .as("forged session").isEqualTo(401);
    if (!method.equals("GET")) {
      String cookie = login(admin);
      assertThat(call(method, path, null, cookie, null).status()).as("no CSRF").isEqualTo(403);
      assertThat(call(method, path, null, cookie, "forged").status()).as("forged CSRF")
          .isEqualTo(403);
    }
  }

  String login(String token) throws Exception {
    WatchHttp.Answer a = send(req(port, "/login", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token,
            StandardCharsets.UTF_8))));
    assertThat(a.status()).isEqualTo(303);
    String set = a.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(set).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    return set.substring(0, set.indexOf(';'));
  }

  @Test
  void sessionWithItsCsrfTokenAcknowledgesAndARevokedTokenEndsTheSession() throws Exception {
    watch.onVerdict(verdict("x", "1.0.0", MonitorVerdict.MALICIOUS, "bad"));
    put(port, "/api/projects/web?file=package-lock.json", admin,
        resource("with-x.package-lock.json"));
    String cookie = login(admin);
    WatchHttp.Answer page = call("GET", "/alerts", null, cookie, null);
    assertThat(page.status()).isEqualTo(200);
    String csrf = page.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    assertThat(csrf).hasSizeLessThan(100);
    assertThat(call("POST", "/alerts/1/ack", null, cookie, csrf).status()).isEqualTo(303);
    assertThat(get(port, "/api/alerts?state=acknowledged", admin).json().path("alerts"))
        .hasSize(1);

    String other = token(Scope.READ_ONLY);
    String c2 = login(other);
    assertThat(call("GET", "/", null, c2, null).status()).isEqualTo(200);
    watch.store().revoke(other.substring(3, other.indexOf('_', 3)));
    assertThat(call("GET", "/", null, c2, null).status()).isEqualTo(401);
  }

  @Test
  void hostileNamesAndMetadataAreEscapedEverywhere() throws Exception {
    String evil = "<img src=x onerror=alert(1)>";
    String project = "p\"" + evil;
    watch.onVerdict(verdict("x", "1.0.0", MonitorVerdict.MALICIOUS,
        "</td><script>alert(2)</script>"));
    WatchHttp.Answer up = put(port, "/api/projects/" + URLEncoder.encode(project,
        StandardCharsets.UTF_8).replace("+", "%20") + "?file=package-lock.json", admin,
        resource("with-x.package-lock.json"));
    assertThat(up.status()).as(up.body()).isEqualTo(200);
    assertThat(up.json().path("project").asText()).isEqualTo(project);
    String cookie = login(admin);
    for (String path : List.of("/", "/projects", "/alerts")) {
      WatchHttp.Answer a = call("GET", path, null, cookie, null);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).doesNotContain("<img", "<script>").as(path);
      assertThat(a.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("default-src 'none'");
    }
    assertThat(call("GET", "/projects", null, cookie, null).body())
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    // Names with control characters are refused, named in the message.
    WatchHttp.Answer bad = put(port, "/api/projects/a%07b?file=package-lock.json", admin, "{}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").asText()).contains("project name");
  }

  @Test
  void anAdminTokenFileIsAdoptedByANewStoreAndUnknownPathsAnswerWithoutATrace(
      @TempDir Path other) throws Exception {
    try (Watch second = Watch.open(Watch.Options.of(other), Clock.systemUTC(), Sleeper.real(),
        () -> 0, e -> { }, a -> { })) {
      Files.writeString(other.resolve(Tokens.ADMIN_FILE), admin + "\n");
      assertThat(second.ensureAdminToken(other)).isEmpty();
      assertThat(Tokens.check(second.store(), admin)).get().extracting(Token::scope)
          .isEqualTo(Scope.ADMIN);
    }
    WatchHttp.Answer a = get(port, "/api/nope", admin);
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    watch.onVerdict(verdict("x", "1.0.0", MonitorVerdict.CLEAN, ""));
    watch.verdictLanded(verdict("y", "1.0.0", MonitorVerdict.CLEAN, ""));
    watch.drain();
    WatchHttp.Answer m = get(port, "/metrics", admin);
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.body()).contains("bulwark_monitor_queue_lag 7",
        "bulwark_watch_verdicts_per_minute 1", "bulwark_watch_alerts{state=\"new\"} 0");
  }
}
