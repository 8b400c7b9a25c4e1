package dev.bulwark.monitor;

import java.io.IOException;
import java.util.List;

/**
 * The loopback npm registry of issue 11's check for other modules' tests (bulwark-cli's
 * {@code MonitorCheckTest}): real hold-out packages ({@link CheckRegistryMain#holdout}) behind a
 * changes feed; every {@code errorEvery}-th request (feed, packument or tarball) gets a 500.
 */
public final class RegistryFixture implements AutoCloseable {
  private final FakeRegistry registry;
  private final List<CheckRegistryMain.Item> items;
  private int next;

  private RegistryFixture(FakeRegistry registry, List<CheckRegistryMain.Item> items) {
    this.registry = registry;
    this.items = items;
  }

  /** Hold-out tarballs of at most {@code maxBytes}; a 500 every {@code errorEvery} requests. */
  public static RegistryFixture start(long maxBytes, int errorEvery) throws IOException {
    List<CheckRegistryMain.Item> items = CheckRegistryMain.holdout(maxBytes);
    if (items.isEmpty()) {
      throw new IOException("no hold-out tarballs: fetch the corpora (see ../shared/README.md)");
    }
    FakeRegistry reg = new FakeRegistry();
    reg.errorEvery = errorEvery;
    return new RegistryFixture(reg, items);
  }

  /** How many distinct hold-out packages there are (0: the corpora are missing). */
  public int available() {
    return items.size();
  }

  /** Publishes the next {@code n} hold-out packages. */
  public synchronized void publish(int n) {
    for (int k = 0; k < n; k++, next++) {
      CheckRegistryMain.Item it = items.get(next % items.size());
      int round = next / items.size();
      registry.publish(it.name(), round == 0 ? it.version() : it.version() + "-again." + round,
          it.tgz(), FakeRegistry.Serve.OK);
    }
  }

  public String url() {
    return registry.url();
  }

  public int injectedErrors() {
    return registry.injectedErrors.get();
  }

  /** Every publication as {@code name TAB version TAB tarball-URL} lines. */
  public String versionsTsv() {
    StringBuilder out = new StringBuilder();
    for (FakeRegistry.Version v : registry.published()) {
      out.append(v.name()).append('\t').append(v.version()).append('\t').append(registry.url())
          .append("/tarballs/").append(v.id()).append(".tgz\n");
    }
    return out.toString();
  }

  /** {@code name@version} of every version published. */
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
  }
}
