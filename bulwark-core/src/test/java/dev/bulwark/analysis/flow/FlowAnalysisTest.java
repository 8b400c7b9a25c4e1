package dev.bulwark.analysis.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Hit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowAnalysisTest {
  @ParameterizedTest(name = "{0}: {1} -> {2} = {3}")
  @CsvSource({
    "env-to-https.js, env, network, true",
    "env-direct-fetch.js, env, network, true",
    "env-unused.js, env, network, false",
    "fetched-to-eval.js, fetched, eval, true",
    "fetched-to-eval-await.js, fetched, eval, true",
    "decoded-to-exec.js, decoded, process, true",
    "decoded-to-exec.js, env, process, false",
    "regexp-exec-local.js, decoded, process, false",
    "decoded-to-exec-aliased.js, decoded, process, true",
    "decoded-to-exec-function.js, decoded, process, true",
    "loader-exec-evals.js, decoded fetched, process, false",
    "constant-exec.js, decoded env fetched, process, false",
    "npmrc-to-dns.js, credential-file, network, true",
    "py-environ-requests.py, env, network, true",
    "py-hostname-socket.py, hostname, network, true",
    "py-ssh-with-open.py, credential-file, network, true",
    "py-decoded-exec.py, decoded, eval, true",
    "py-decoded-exec.py, decoded, network, false",
    "py-safe.py, env, network, false",
    "fetched-to-file.js, fetched, file-write, true",
    "fetched-to-file.js, fetched, file-write-exec, false",
    "constant-to-file.js, fetched env decoded, file-write, false",
    "same-name-locals.js, wallet-file, network, false",
    "closure-secret-to-fetch.js, credential-file, network, true",
    "framework-method-body-not-value.js, credential-file, network, false",
    "method-steals-and-sends.js, credential-file, network, true",
    "getter-returns-secret.js, credential-file, network, true",
    "getter-returns-local-secret.js, credential-file, network, true",
    "chained-assignment-secret.js, credential-file, network, true",
    "index-key-not-assigned.js, env, network, false",
    "property-carries-secret.js, credential-file, network, true",
    "top-level-secret-used-in-function.js, credential-file, network, true",
    "py-global-secret.py, credential-file, network, true",
    "py-same-name-locals.py, wallet-file, network, false",
    "bundler-eval-module.js, fetched, eval, false",
    "fetched-to-eval-template.js, fetched, eval, true",
    "template-env-to-fetch.js, env, network, true",
    "template-literal-only.js, env, network, false",
    "py-fstring-env-to-requests.py, env, network, true",
    "py-wallet-phrase-posted.py, wallet-secret, network, true",
    "py-wallet-key-in-list.py, wallet-secret, network, true",
    "py-wallet-key-signs.py, wallet-secret, network, false",
    "js-wallet-key-stringified.js, wallet-secret, network, true",
    "js-wallet-key-signs.js, wallet-secret, network, false",
  })
  void flows(String file, String sources, String sinks, boolean expected) throws Exception {
    Path p = Path.of(getClass().getResource("testdata/" + file).toURI());
    String text = Files.readString(p, StandardCharsets.UTF_8);
    ContentType type = ContentSniffer.sniff(file, text.getBytes(StandardCharsets.UTF_8));
    ScanFile f = ScanFile.code(file, type, text, false);
    try (SyntaxTree t = SyntaxTree.parse(type.language(), text, Budget.of(1_000_000, 60_000)).orElseThrow()) {
      List<Hit> hits = FlowAnalysis.find(t, f, Set.of(sources.split(" ")), Set.of(sinks.split(" ")),
          Budget.of(1_000_000, 60_000));
      assertThat(hits).as(hits.toString()).hasSize(expected ? Math.max(1, hits.size()) : 0);
    }
  }

  /**
   * The facts of a file are collected once for all its flow rules: each rule, run in turn with a
   * shared memo, gets the hits and leaves the budget exactly as with facts of its own, for budgets
   * that last and budgets that run out on the way.
   */
  @ParameterizedTest(name = "{0}, budget {1}")
  @CsvSource({
    "py-environ-requests.py, 1000000", "py-environ-requests.py, 0", "py-environ-requests.py, 1",
    "py-decoded-exec.py, 1000000", "closure-secret-to-fetch.js, 1000000", "closure-secret-to-fetch.js, 2",
    "fetched-to-file.js, 1000000", "big-python, 1000000", "big-python, 7", "big-python, 30", "big-python, 200",
  })
  void factsAreSharedByTheRulesOfAFile(String file, long work) throws Exception {
    String text = file.equals("big-python")
        ? "import os, requests\n" + "def f(a):\n    t = os.environ['X'] + a\n    requests.post(u, data=t)\n".repeat(3000)
        : Files.readString(Path.of(getClass().getResource("testdata/" + file).toURI()), StandardCharsets.UTF_8);
    String name = file.equals("big-python") ? "big.py" : file;
    ContentType type = ContentSniffer.sniff(name, text.getBytes(StandardCharsets.UTF_8));
    ScanFile f = ScanFile.code(name, type, text, false);
    String[][] rules = {{"env", "network"}, {"decoded", "process"}, {"credential-file", "network"},
        {"fetched", "eval"}, {"env hostname", "network file-write"}, {"env", "network"}};
    try (SyntaxTree t = SyntaxTree.parse(type.language(), text, Budget.of(1_000_000, 60_000)).orElseThrow()) {
      Budget own = Budget.of(work, 60_000, () -> 0L);
      Budget shared = Budget.of(work, 60_000, () -> 0L);
      FlowAnalysis.Memo memo = new FlowAnalysis.Memo();
      for (String[] r : rules) {
        Set<String> sources = Set.of(r[0].split(" "));
        Set<String> sinks = Set.of(r[1].split(" "));
        List<Hit> alone = own.wasExceeded() ? List.of() : FlowAnalysis.find(t, f, sources, sinks, own);
        List<Hit> got = shared.wasExceeded() ? List.of() : FlowAnalysis.find(t, f, sources, sinks, shared, memo);
        assertThat(got).isEqualTo(alone);
        assertThat(shared.work()).isEqualTo(own.work());
        assertThat(shared.wasExceeded()).isEqualTo(own.wasExceeded());
      }
    }
  }
}
