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
}
