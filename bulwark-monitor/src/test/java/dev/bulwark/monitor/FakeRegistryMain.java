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
    try (FakeRegistry reg = DistBench.registry(n, samples, "try")) {
      Files.writeString(Path.of(args[0]), reg.url() + "\n" + reg.lastSeq() + "\n"
          + reg.live().size() + "\n");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
