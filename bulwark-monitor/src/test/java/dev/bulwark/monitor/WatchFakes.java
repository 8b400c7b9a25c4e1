package dev.bulwark.monitor;

import java.io.IOException;

/**
 * The monitor's loopback test doubles, opened to the watch's tests in
 * {@code dev.bulwark.monitor.watch} (FakeRegistry and Tarballs stay package-private).
 */
public final class WatchFakes implements AutoCloseable {
  private final FakeRegistry registry;

  public WatchFakes() throws IOException {
    this.registry = new FakeRegistry();
  }

  /** The changes database's URL (loopback). */
  public String url() {
    return registry.url();
  }

  /** Publishes a version whose tarball is a decompression bomb: malicious to the engine. */
  public void publishMalicious(String name, String version) {
    registry.publish(name, version, Tarballs.bomb(name, version, 64), FakeRegistry.Serve.OK);
  }

  /** Publishes a plain, clean version. */
  public void publishClean(String name, String version) {
    registry.publish(name, version, Tarballs.plain(name, version), FakeRegistry.Serve.OK);
  }

  @Override
  public void close() {
    registry.close();
  }

  /** A real PostgreSQL (and Kafka) as the distributed tests start them; skips when absent. */
  public static final class Postgres implements AutoCloseable {
    private final Services services;

    public Postgres() throws Exception {
      this.services = Services.start();
    }

    /** The JDBC URL of a new database of its own. */
    public String database(String name) throws Exception {
      return services.database(name);
    }

    @Override
    public void close() {
      services.close();
    }
  }
}
