package dev.bulwark.monitor;

import java.io.IOException;
import java.util.List;

/**
 * The distributed mode's test services for other modules' tests (bulwark-cli runs the real
 * {@code bulwark monitor --role …} command against them): a real PostgreSQL and a real Kafka
 * broker ({@link Services}) and the loopback npm registry ({@link FakeRegistry}). Skips the test
 * when the services cannot start, except with {@code CI=true}.
 */
public final class DistFixture implements AutoCloseable {
  private final Services services;
  private final FakeRegistry registry;

  private DistFixture(Services services, FakeRegistry registry) {
    this.services = services;
    this.registry = registry;
  }

  public static DistFixture start() throws Exception {
    Services s = Services.start();
    try {
      return new DistFixture(s, new FakeRegistry());
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  public String kafka() {
    return services.kafka();
  }

  /** A JDBC URL of a new, empty database. */
  public String database(String name) throws Exception {
    return services.database(name);
  }

  /** The loopback registry's changes database ({@code --npm-changes}). */
  public String registry() {
    return registry.url();
  }

  /** Publishes {@code n} small benign versions over five package names. */
  public void publishPlain(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      String name = prefix + "-lib-" + (i % 5);
      String version = "1.0." + i;
      registry.publish(name, version, Tarballs.plain(name, version), FakeRegistry.Serve.OK);
    }
  }

  /**
   * Publishes up to {@code n} real malicious npm tarballs from ../shared/corpus (decrypted in
   * memory); returns their {@code name@version}s.
   */
  public List<String> publishMalicious(int n) throws IOException {
    List<Corpus.Sample> samples = Corpus.npm(n);
    for (Corpus.Sample s : samples) {
      registry.publish(s.name(), s.version(), s.tgz(), FakeRegistry.Serve.OK);
    }
    return samples.stream().map(s -> s.name() + "@" + s.version()).toList();
  }

  /**
   * Publishes the first real malicious npm tarball from ../shared/corpus (decrypted in memory) as
   * {@code name@version}; false when the corpus is missing.
   */
  public boolean publishMaliciousAs(String name, String version) throws IOException {
    List<Corpus.Sample> samples = Corpus.npm(1);
    if (samples.isEmpty()) {
      return false;
    }
    registry.publish(name, version, samples.get(0).tgz(), FakeRegistry.Serve.OK);
    return true;
  }

  /** Publishes a plain, clean {@code name@version}. */
  public void publishClean(String name, String version) {
    registry.publish(name, version, Tarballs.plain(name, version), FakeRegistry.Serve.OK);
  }

  /** {@code name@version} of every version still published. */
  public List<String> live() {
    return registry.live().stream().map(v -> v.name() + "@" + v.version()).sorted().toList();
  }

  /** The tarball served for {@code name@version}. */
  public byte[] tarball(String nameAtVersion) {
    return registry.live().stream().filter(v -> (v.name() + "@" + v.version())
        .equals(nameAtVersion)).findFirst().orElseThrow().tgz();
  }

  public long lastSeq() {
    return registry.lastSeq();
  }

  @Override
  public void close() {
    registry.close();
    services.close();
  }
}
