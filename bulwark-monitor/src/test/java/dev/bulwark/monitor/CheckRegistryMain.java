package dev.bulwark.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.eval.Label;
import dev.bulwark.eval.Sample;
import dev.bulwark.eval.Split;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The loopback npm registry of issue 11's check ({@code scripts/monitor-check.sh}), as a process:
 * real hold-out packages (the validation side of the split: benign tarballs from the corpus cache
 * {@code ~/.cache/bulwark-corpus/npm-longtail} and {@code …/npm}, and malicious npm samples from
 * ../shared/corpus decrypted in memory, never written anywhere), two benign to one malicious,
 * behind a replication changes feed; every {@code errors}-th request (feed, packument or
 * tarball) is answered with a 500.
 *
 * <p>{@code CheckRegistryMain url-file=F [first=N] [errors=K] [max-kb=KB]} publishes the first N
 * (default 30), writes the registry's URL and then the control URL to F, and serves until killed.
 * Control (its own loopback port): {@code POST /publish?n=K} publishes the next K (after the last
 * one, earlier tarballs again as new versions of their packages); {@code GET /versions} lists every
 * publication as {@code name TAB version TAB tarball-URL} lines; {@code GET /stats} says how many
 * 500s were injected.
 */
final class CheckRegistryMain {
  private CheckRegistryMain() {}

  /** One hold-out package to publish. */
  record Item(String name, String version, byte[] tgz) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String s : args) {
      int eq = s.indexOf('=');
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    try (RegistryFixture reg = RegistryFixture.start(
        Integer.parseInt(a.getOrDefault("max-kb", "1024")) * 1024L,
        Integer.parseInt(a.getOrDefault("errors", "5")))) {
      reg.publish(Integer.parseInt(a.getOrDefault("first", "30")));
      HttpServer control = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      control.createContext("/publish", x -> {
        String q = Optional.ofNullable(x.getRequestURI().getRawQuery()).orElse("n=1");
        int n = Integer.parseInt(q.replaceAll(".*n=([0-9]+).*", "$1"));
        reg.publish(n);
        reply(x, "published " + n + "\n");
      });
      control.createContext("/versions", x -> reply(x, reg.versionsTsv()));
      control.createContext("/stats", x -> reply(x, "injected-500s " + reg.injectedErrors()
          + "\n"));
      control.start();
      Files.writeString(Path.of(a.get("url-file")), reg.url() + "\n"
          + "http://127.0.0.1:" + control.getAddress().getPort() + "\n");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static void reply(HttpExchange x, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(200, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  /** Benign and malicious hold-out packages, two benign to one malicious, in a fixed order. */
  static List<Item> holdout(long maxBytes) throws IOException {
    Split split = Split.parse("validation", 5, Split.DEFAULT_SEED);
    Path cache = Path.of(System.getenv().getOrDefault("BULWARK_CORPUS_CACHE",
        System.getProperty("user.home") + "/.cache/bulwark-corpus"));
    List<Item> benign = new ArrayList<>();
    for (String corpus : List.of("npm-longtail", "npm")) {
      Path dir = cache.resolve(corpus);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> st = Files.list(dir)) {
        for (Path p : st.filter(f -> f.toString().endsWith(".tgz")).sorted().toList()) {
          String file = p.getFileName().toString();
          String name = Split.packageName(new Sample("npm/" + file, Label.BENIGN,
              Optional.empty(), p, List.of()));
          String version = file.substring(Math.min(file.length(), name.length() + 1))
              .replaceAll("\\.tgz$", "");
          if (split.keeps(new Sample("npm/" + file, Label.BENIGN, Optional.empty(), p,
              List.of())) && Files.size(p) <= maxBytes && !version.isEmpty()) {
            benign.add(new Item(name, version, Files.readAllBytes(p)));
          }
        }
      }
    }
    List<Item> bad = new ArrayList<>();
    for (Corpus.Sample s : Corpus.npm(Integer.MAX_VALUE, true)) {
      if (s.tgz().length <= maxBytes) {
        bad.add(new Item(s.name(), s.version(), s.tgz()));
      }
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < benign.size() || i < bad.size(); i++) {
      for (int j = 2 * i; j < 2 * i + 2 && j < benign.size(); j++) {
        out.add(benign.get(j));
      }
      if (i < bad.size()) {
        out.add(bad.get(i));
      }
    }
    return out;
  }
}
