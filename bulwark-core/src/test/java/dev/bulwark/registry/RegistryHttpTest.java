package dev.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {
  static FakeRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    registry = new FakeRegistry();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void retriesServerErrorsWithDoublingBackoff() throws Exception {
    List<Duration> waits = new ArrayList<>();
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT,
        Optional.empty(), waits::add);
    byte[] body = http.metadata(URI.create(registry.base + "/flaky"), "application/json", Credentials.none());
    assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("ok");
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void refusesMetadataLargerThanTheCap() {
    HttpPolicy small = new HttpPolicy(Duration.ofSeconds(5), 1, Duration.ZERO, 1024, 1024);
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), small, Optional.empty(), d -> { });
    assertThatThrownBy(() -> http.metadata(URI.create(registry.base + "/huge"), "application/json",
        Credentials.none())).isInstanceOf(RegistryException.class).hasMessageContaining("larger than 1024");
  }

  @Test
  void sendsATokenOnlyToItsOwnHostAndNeverPrintsIt() throws Exception {
    int port = registry.server.getAddress().getPort();
    Credentials creds = new Credentials(Map.of("//127.0.0.1:" + port + "/", "s3cret-token"));
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT,
        Optional.empty(), d -> { });
    registry.authHeaders.clear();
    http.metadata(URI.create(registry.base + "/quiet-lantern"), "application/json", creds);
    http.metadata(URI.create("http://localhost:" + port + "/expresss"), "application/json", creds);
    assertThat(registry.authHeaders).containsExactly(
        "127.0.0.1 /quiet-lantern Bearer s3cret-token", "localhost /expresss -");
    assertThat(creds.toString()).doesNotContain("s3cret");
  }

  @Test
  void aRedirectToAnotherHostDropsTheToken() throws Exception {
    int port = registry.server.getAddress().getPort();
    Credentials creds = new Credentials(Map.of("//127.0.0.1:" + port + "/", "s3cret-token"));
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT,
        Optional.empty(), d -> { });
    registry.authHeaders.clear();
    byte[] body = http.metadata(URI.create(registry.base + "/moved"), "application/json", creds);
    assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("quiet-lantern");
    assertThat(registry.authHeaders).containsExactly(
        "127.0.0.1 /moved Bearer s3cret-token", "localhost /quiet-lantern -");
  }

  @Test
  void notFoundIsNotRetried() {
    List<Duration> waits = new ArrayList<>();
    RegistryHttp http = new RegistryHttp(HttpClient.newHttpClient(), HttpPolicy.DEFAULT,
        Optional.empty(), waits::add);
    assertThatThrownBy(() -> http.metadata(URI.create(registry.base + "/nothing-here"),
        "application/json", Credentials.none())).hasMessageContaining("404");
    assertThat(waits).isEmpty();
  }

  @Test
  void integrityAcceptsOnlyAMatchingStrongHash() {
    byte[] data = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Integrity.matchesSri(Integrity.sha512Sri(data), data)).isTrue();
    assertThat(Integrity.matchesSri(Integrity.sha512Sri(new byte[] {1}), data)).isFalse();
    assertThat(Integrity.matchesSri("sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=", data)).isFalse();
    assertThat(Integrity.matchesSri("", data)).isFalse();
    assertThat(Integrity.matchesSha256Hex(FakeRegistry.sha256(data), data)).isTrue();
  }
}
