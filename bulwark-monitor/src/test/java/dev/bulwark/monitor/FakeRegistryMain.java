package dev.bulwark.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The loopback fake registry as a process, for trying the CLI by hand and for the distributed
 * figures: {@code FakeRegistryMain URL_FILE N} publishes N versions (every tenth a real malicious
 * tarball from ../shared/corpus when present), writes its URL to URL_FILE and serves until killed.
 */
final class FakeRegistryMain {
  private FakeRegistryMain() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    List<Corpus.Sample> samples = Corpus.npm(10);
    try (FakeRegistry reg = new FakeRegistry()) {
      for (int i = 0; i < n; i++) {
        if (!samples.isEmpty() && i % 10 == 0) {
          Corpus.Sample x = samples.get((i / 10) % samples.size());
          reg.publish("try-" + x.name(), x.version() + "-r" + i, x.tgz(), FakeRegistry.Serve.OK);
        } else {
          String name = "try-lib-" + (i % 50);
          reg.publish(name, "1.0." + i, Tarballs.plain(name, "1.0." + i), FakeRegistry.Serve.OK);
        }
      }
      Files.writeString(Path.of(args[0]), reg.url() + "\n" + reg.lastSeq() + "\n"
          + reg.live().size() + "\n");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
