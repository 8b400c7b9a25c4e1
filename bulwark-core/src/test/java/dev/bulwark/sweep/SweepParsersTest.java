package dev.bulwark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.ioc.Ioc;
import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.analysis.ioc.IocHit;
import dev.bulwark.analysis.ioc.IocType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepParsersTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nohup python3 ~/.npl &                          | true",
      "node /home/dev/.n2/main.js                      | true",
      "ExecStart=/usr/bin/node /home/dev/.updater/u.js | true",
      "*/5 * * * * python3 /tmp/.x/run.py              | true",
      "C:\\Users\\bob\\.pyp\\python.exe C:\\Users\\bob\\.npl | true",
      "node $HOME/.nvm/versions/node/v20/bin/serve     | false",
      "export PATH=$HOME/.local/bin:$PATH              | false",
      "alias ll='ls -l'                                | false",
      "source ~/.n2/env.sh                             | false",
      "python3 /opt/app/main.py                        | false",
      "nodemon ./server.js                             | false",
  })
  void commandJudge(String command, boolean odd) {
    assertThat(CommandJudge.odd(command).isPresent()).as(command).isEqualTo(odd);
  }

  @ParameterizedTest
  @CsvSource({
      "0100007F, 127.0.0.1",
      "F4CAE317, 23.227.202.244",
      "0000000000000000FFFF00000100007F, 127.0.0.1",
      "00000000000000000000000001000000, 0:0:0:0:0:0:0:1",
      "B80D0120000000000000000001000000, 2001:db8:0:0:0:0:0:1",
      "XYZ, ''",
  })
  void procNetAddresses(String hex, String ip) {
    String got;
    try {
      got = ProcNet.address(hex);
    } catch (NumberFormatException e) {
      got = "";
    }
    assertThat(got).isEqualTo(ip);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1234 (node) S 1 1234 1234 0 -1 4194560 100 0 0 0 5 2 0 0 20 0 11 0 360000 1000 2000 | 360000",
      "77 (my (odd) proc) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 10 20                | 42",
      "77 (short) R 1 2 3                                                                      | -1",
      "77 (bad) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 notanumber 10                        | -1",
      "no parenthesis at all                                                                   | -1",
  })
  void procStartTicks(String stat, long ticks) {
    assertThat(ProcStat.startTicks(stat).orElse(-1)).isEqualTo(ticks);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cpu 1 2\\nbtime 1795132800\\n | 2026-11-20T00:00:00Z",
      "cpu 1 2\\n                   | ''",
      "btime x\\n                   | ''",
  })
  void procBootTime(String text, String boot) {
    assertThat(ProcStat.bootTime(text.replace("\\n", "\n")).map(Object::toString).orElse(""))
        .isEqualTo(boot);
  }

  @ParameterizedTest
  @CsvSource({"0, under a minute", "59, under a minute", "600, 10 min", "7260, 2 h 1 min",
      "90000, 1 d 1 h"})
  void runningTimes(long seconds, String text) {
    assertThat(ProcStat.describe(java.time.Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @Test
  void procNetSkipsMalformedLines() {
    String text = "header\n 0: 0100007F:0050 0100007F:04DC 01 0 0 0 0 0 77 1\n garbage line\n"
        + " 1: zz:zz yy:yy 01 0 0 0 0 0 x 1\n";
    assertThat(ProcNet.parse(text)).containsExactly(new NetworkCheck.Conn("127.0.0.1", 1244, "01", 77));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1/react-plaid-sdk/-/react-plaid-sdk-1.0.0.tgz | react-plaid-sdk | 1.0.0",
      "http://127.0.0.1/@scope%2fpkg/-/pkg-2.1.0-beta.1.tgz         | @scope/pkg      | 2.1.0-beta.1",
      "http://127.0.0.1/@scope/pkg/-/pkg-3.0.0.tgz                  | @scope/pkg      | 3.0.0",
      "http://127.0.0.1/left-pad                                     | ''              | ''",
  })
  void npmCacheKeys(String url, String name, String version) {
    Optional<String[]> got = NpmLocations.tarball(url);
    assertThat(got.map(a -> a[0]).orElse("")).isEqualTo(name);
    assertThat(got.map(a -> a[1]).orElse("")).isEqualTo(version);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "npm-react-plaid-sdk-1.0.0-0123abcd-integrity | react-plaid-sdk | 1.0.0",
      "npm-@babel-core-7.24.0-deadbeef-integrity    | @babel/core     | 7.24.0",
      "npm-lodash-4.17.21-4f2ab3-integrity          | lodash          | 4.17.21",
      "v6-not-a-package                             | ''              | ''",
  })
  void yarnCacheFolders(String folder, String name, String version) {
    Optional<String[]> got = NpmLocations.yarnName(folder);
    assertThat(got.map(a -> a[0]).orElse("")).isEqualTo(name);
    assertThat(got.map(a -> a[1]).orElse("")).isEqualTo(version);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "react-plaid-sdk@1.0.0                 | react-plaid-sdk | 1.0.0",
      "@babel+core@7.24.0                    | @babel/core     | 7.24.0",
      "eslint-plugin-x@2.0.0_eslint@8.57.0   | eslint-plugin-x | 2.0.0",
      "@scope+ui@1.2.3(react@18.2.0)         | @scope/ui       | 1.2.3",
      "lock.yaml                             | ''              | ''",
  })
  void pnpmStoreFolders(String folder, String name, String version) {
    Optional<String[]> got = NpmLocations.pnpmName(folder);
    assertThat(got.map(a -> a[0]).orElse("")).isEqualTo(name);
    assertThat(got.map(a -> a[1]).orElse("")).isEqualTo(version);
  }

  @ParameterizedTest
  @CsvSource({
      "main_*.py, main_99.py, true",
      "main_*.py, MAIN_1.PY, true",
      "main_*.py, main.py, false",
      "p.zi, p.zi, true",
      "p.zi, p.zip, false",
      "a*b*c, abc, true",
      "a*b*c, acb, false",
      "*x*, x, true",
  })
  void globs(String glob, String name, boolean match) {
    assertThat(TraceCatalog.globMatches(glob, name)).isEqualTo(match);
  }

  @Test
  void ipsNamedOnlyInsideUrlsStillMatch() {
    IocFeed feed = IocFeed.of(List.of(new Ioc(IocType.URL, "http://192.0.2.7:1224/pdown", "test")));
    SweepContext ctx = new SweepContext(new SweepFs(List.of(Path.of("/nonexistent")),
        Clock.systemUTC(), 1000, 10, false), Path.of("/nonexistent"), Path.of("/nonexistent"),
        feed, TraceCatalog.of(List.of()));
    assertThat(ctx.iocs("curl http://192.0.2.7:8080/x")).extracting(h -> h.ioc().value())
        .containsExactly("192.0.2.7");
    assertThat(ctx.iocs("192.0.2.70 and 1.192.0.2.7")).isEmpty();
    assertThat(ctx.iocs("192.0.2.7:1224")).extracting(IocHit::start).containsExactly(0);
  }

  @Test
  void registryHiveStringsAreUtf16Runs() {
    byte[] a = "\u0001\u0002hbin".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] b = "C:\\Users\\bob\\.pyp\\python.exe C:\\Users\\bob\\.npl"
        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] c = "short".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] hive = new byte[a.length + b.length + 2 + c.length];
    System.arraycopy(a, 0, hive, 0, a.length);
    System.arraycopy(b, 0, hive, a.length, b.length);
    System.arraycopy(c, 0, hive, a.length + b.length + 2, c.length);
    assertThat(RegistryHive.commandStrings(hive))
        .containsExactly("C:\\Users\\bob\\.pyp\\python.exe C:\\Users\\bob\\.npl");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NPM_TOKEN=abc123 node /tmp/x.js       | NPM_TOKEN=*** node /tmp/x.js",
      "node app.js --api-key: s3cr3t --v     | node app.js --api-key: *** --v",
      "python3 ~/.npl                         | python3 ~/.npl",
  })
  void shownCommandsMaskSecrets(String command, String shown) {
    assertThat(PersistenceCheck.show(command)).isEqualTo(shown);
  }

  @Test
  void builtinTracesLoadWithoutProblems() {
    TraceCatalog c = TraceCatalog.load(List.of());
    assertThat(c.problems()).isEmpty();
    assertThat(c.ofKind("home-path")).extracting(TraceCatalog.Trace::pattern)
        .contains(".npl", ".pyp", ".n2", ".n3", ".sysinfo");
    assertThat(c.traces()).allSatisfy(t -> assertThat(t.source()).startsWith("https://"));
  }
}
