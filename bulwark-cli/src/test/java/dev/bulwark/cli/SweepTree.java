package dev.bulwark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inert fake home and root trees for CLI sweep tests, with fixed modification times so reports
 * are byte-stable. Nothing here is ever run.
 */
final class SweepTree {
  static final String NPM_TOKEN = "npm_CLIGOLDENSECRET0123456789";
  static final FileTime TIME = FileTime.from(Instant.parse("2026-11-20T09:30:00Z"));
  /** A dropped-tool name with markup and a bidi override in it. */
  static final String HOSTILE_NAME = "anydesk<img src=x onerror=alert(1)>\u202Egpj.exe";

  private SweepTree() {}

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A compromised machine: traces, persistence, a C2 connection, packages, secrets. */
  static void compromised(Path home, Path root) throws IOException {
    write(home.resolve(".npl"), "inert");
    write(home.resolve(".n2/pay"), "inert");
    write(home.resolve(".config/autostart/updater.desktop"),
        "[Desktop Entry]\nType=Application\nExec=node /home/dev/.n2/main.js\n");
    write(root.resolve("tmp/" + HOSTILE_NAME), "inert");
    write(root.resolve("proc/net/tcp"),
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:A1B2 0100007F:04DC 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1\n");
    write(root.resolve("proc/1234/cmdline"), "node\0/home/dev/.n2/main.js\0");
    Files.createDirectories(root.resolve("proc/1234/fd"));
    Files.createSymbolicLink(root.resolve("proc/1234/fd/3"), Path.of("socket:[4242]"));
    // What the process really is: node from the system, working in ~/.n2 (a known malware place).
    Files.createSymbolicLink(root.resolve("proc/1234/exe"), Path.of("/usr/bin/node"));
    Files.createSymbolicLink(root.resolve("proc/1234/cwd"), Path.of("/home/dev/.n2"));
    write(root.resolve("usr/lib/node_modules/react-plaid-sdk/package.json"),
        "{\"name\":\"react-plaid-sdk\",\"version\":\"1.0.0\"}");
    write(home.resolve(".npm/_cacache/index-v5/ab/cd/abcdef0123"), "0123abcd\t{\"key\":"
        + "\"make-fetch-happen:request-cache:http://127.0.0.1/axios/-/axios-1.14.1.tgz\"}\n");
    write(home.resolve(".npmrc"), "//127.0.0.1/:_authToken=" + NPM_TOKEN + "\n");
    write(home.resolve(".ssh/id_ed25519"), "inert");
    write(home.resolve(".config/solana/id.json"), "[1,2,3]");
    fixTimes(home, root);
  }

  /** Every file and folder gets the same modification time (links are left alone). */
  static void fixTimes(Path... trees) throws IOException {
    for (Path t : trees) {
      List<Path> all;
      try (Stream<Path> s = Files.walk(t)) {
        all = s.sorted(Comparator.reverseOrder()).toList();
      }
      for (Path p : all) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, TIME);
        }
      }
    }
  }
}
