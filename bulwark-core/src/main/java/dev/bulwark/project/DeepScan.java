package dev.bulwark.project;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactReader;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scan --deep}: fetches each locked npm dependency's tarball, checks it against the
 * lockfile's integrity hash before reading a byte of it, and scans it with the package analyzer.
 * The URL is the lockfile's {@code resolved}, or else the configured registry's; no registry
 * host is built in. Verdicts are cached by integrity hash.
 */
public final class DeepScan {
  /** What happened to one dependency. */
  public enum Status { SCANNED, CACHED, INTEGRITY_MISMATCH, FETCH_FAILED, NO_SOURCE }

  /** One dependency's outcome; verdict and rules are empty unless scanned or cached. */
  public record Outcome(Dependency dependency, String url, Status status, Verdict verdict,
      int score, String detail, List<String> ruleIds) {}

  private static final long MAX_TARBALL = 64L << 20;
  private static final int MAX_PACKAGES = 5_000;
  private static final int PARALLEL = 6;

  private final PackageAnalyzer analyzer;
  private final ReaderLimits limits;
  private final HttpClient http;
  private final VerdictCache cache;
  private final Optional<String> userRegistry;
  private final Duration timeout;

  /**
   * @param userRegistry the user's configured registry ({@code registry=} in ~/.npmrc), if any;
   *     a project .npmrc takes precedence
   */
  public DeepScan(PackageAnalyzer analyzer, ReaderLimits limits, HttpClient http,
      VerdictCache cache, Optional<String> userRegistry, Duration timeout) {
    this.analyzer = analyzer;
    this.limits = limits;
    this.http = http;
    this.cache = cache;
    this.userRegistry = userRegistry;
    this.timeout = timeout;
  }

  /** The {@code registry=} line of an .npmrc text. */
  public static Optional<String> registryOf(String npmrc) {
    for (String line : npmrc.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (eq > 0 && l.substring(0, eq).strip().equalsIgnoreCase("registry")) {
        String v = l.substring(eq + 1).strip().replace("\"", "");
        return v.isEmpty() ? Optional.empty() : Optional.of(v.endsWith("/") ? v : v + "/");
      }
    }
    return Optional.empty();
  }

  public List<Outcome> run(ProjectTree tree, List<LockfileExtractor> extractors) {
    Optional<String> registry = tree.text(".npmrc").flatMap(DeepScan::registryOf).or(() -> userRegistry);
    Map<String, Dependency> unique = new LinkedHashMap<>();
    for (Inventory inv : ProjectScanner.inventories(tree, extractors, new ArrayList<>())) {
      for (Dependency d : inv.dependencies()) {
        if (d.ecosystem() == Ecosystem.NPM && d.source() == DependencySource.REGISTRY
            && !d.integrity().isEmpty() && unique.size() < MAX_PACKAGES) {
          unique.putIfAbsent(d.integrity(), d);
        }
      }
    }
    // Downloads wait on the network: a few in parallel, results kept in lockfile order.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        PARALLEL, r -> {
          Thread t = new Thread(r, "bulwark-deep");
          t.setDaemon(true);
          return t;
        });
    try {
      List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
      for (Dependency d : unique.values()) {
        futures.add(pool.submit(() -> one(d, registry)));
      }
      List<Outcome> out = new ArrayList<>();
      List<Dependency> deps = new ArrayList<>(unique.values());
      for (int i = 0; i < futures.size(); i++) {
        out.add(result(futures.get(i), deps.get(i)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome result(java.util.concurrent.Future<Outcome> f, Dependency d) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(d, "", Status.FETCH_FAILED, Verdict.CLEAN, 0, "interrupted", List.of());
    } catch (java.util.concurrent.ExecutionException e) {
      return new Outcome(d, "", Status.FETCH_FAILED, Verdict.CLEAN, 0,
          "scan failed: " + e.getCause(), List.of());
    }
  }

  private Outcome one(Dependency d, Optional<String> registry) {
    String url = d.resolved().startsWith("http") ? d.resolved()
        : registry.map(r -> r + d.name() + "/-/" + d.name().substring(d.name().indexOf('/') + 1)
            + "-" + d.version() + ".tgz").orElse("");
    Optional<VerdictCache.Entry> hit = cache.get(d.integrity());
    if (hit.isPresent()) {
      VerdictCache.Entry e = hit.get();
      return new Outcome(d, url, Status.CACHED, e.verdict(), e.score(), e.reason(), e.ruleIds());
    }
    if (url.isEmpty()) {
      return new Outcome(d, "", Status.NO_SOURCE, Verdict.CLEAN, 0,
          "no resolved URL in the lockfile and no registry configured", List.of());
    }
    byte[] body;
    try {
      body = fetch(url);
    } catch (IOException e) {
      return new Outcome(d, url, Status.FETCH_FAILED, Verdict.CLEAN, 0, e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(d, url, Status.FETCH_FAILED, Verdict.CLEAN, 0, "interrupted", List.of());
    }
    Optional<String> mismatch = verify(d.integrity(), body);
    if (mismatch.isPresent()) {
      return new Outcome(d, url, Status.INTEGRITY_MISMATCH, Verdict.CLEAN, 0, mismatch.get(),
          List.of());
    }
    Artifact a = new ArtifactReader(limits).read(d.name() + "-" + d.version() + ".tgz", body,
        Optional.empty());
    ScanResult r = analyzer.analyze(a);
    List<String> rules = r.findings().stream().filter(Finding::threat).map(Finding::ruleId)
        .distinct().sorted().toList();
    cache.put(d.integrity(), new VerdictCache.Entry(r.verdict(), r.score(), r.reason(), rules));
    return new Outcome(d, url, Status.SCANNED, r.verdict(), r.score(), r.reason(), rules);
  }

  private byte[] fetch(String url) throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a valid URL: " + url);
    }
    HttpResponse<InputStream> resp = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
        .build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = resp.body()) {
      if (resp.statusCode() != 200) {
        throw new IOException("HTTP " + resp.statusCode() + " from " + url);
      }
      byte[] b = in.readNBytes((int) MAX_TARBALL + 1);
      if (b.length > MAX_TARBALL) {
        throw new IOException("larger than " + (MAX_TARBALL >> 20) + " MiB: " + url);
      }
      return b;
    }
  }

  /** Checks bytes against an SRI string; returns why they do not match, or empty when they do. */
  static Optional<String> verify(String sri, byte[] body) {
    String best = "";
    int rank = -1;
    List<String> order = List.of("sha1", "sha256", "sha384", "sha512");
    for (String part : sri.strip().split("\\s+")) {
      int dash = part.indexOf('-');
      int r = dash < 0 ? -1 : order.indexOf(part.substring(0, dash).toLowerCase(Locale.ROOT));
      if (r > rank) {
        rank = r;
        best = part;
      }
    }
    if (rank < 0) {
      return Optional.of("unsupported integrity value " + Snip.of(sri));
    }
    String alg = best.substring(0, best.indexOf('-'));
    String expected = best.substring(best.indexOf('-') + 1);
    try {
      byte[] digest = MessageDigest.getInstance(switch (alg.toLowerCase(Locale.ROOT)) {
        case "sha1" -> "SHA-1";
        case "sha256" -> "SHA-256";
        case "sha384" -> "SHA-384";
        default -> "SHA-512";
      }).digest(body);
      String actual = Base64.getEncoder().encodeToString(digest);
      return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
          expected.getBytes(StandardCharsets.US_ASCII)) ? Optional.empty()
          : Optional.of("the tarball's " + alg + " is " + actual + ", the lockfile expects "
              + expected);
    } catch (NoSuchAlgorithmException e) {
      return Optional.of("no " + alg + " implementation");
    }
  }

  /** The package verdict's reason without its leading "Malicious:" label. */
  private static String reason(String r) {
    int colon = r.indexOf(": ");
    String s = colon > 0 && colon < 20 ? r.substring(colon + 2) : r;
    return s.isEmpty() ? s : s.endsWith(".") ? s : s + ".";
  }

  /** The outcomes worth a finding: malicious or suspicious tarballs, and integrity mismatches. */
  public static List<Finding> findings(List<Outcome> outcomes) {
    List<Finding> out = new ArrayList<>();
    for (Outcome o : outcomes) {
      Dependency d = o.dependency();
      if (o.status() == Status.INTEGRITY_MISMATCH) {
        out.add(ProjectRules.DEEP_INTEGRITY.at(d.location(), d.display(), "", d.display()
            + " from " + Snip.of(o.url()) + " does not match the lockfile (" + o.detail()
            + "); it was not scanned."));
      } else if (o.verdict() == Verdict.MALICIOUS) {
        out.add(ProjectRules.DEEP_MALICIOUS.at(d.location(), d.display(), "",
            "The published code of " + d.display() + " is malicious: " + reason(o.detail())
                + " Rules: " + String.join(", ", o.ruleIds()) + "."));
      } else if (o.verdict() == Verdict.SUSPICIOUS) {
        out.add(ProjectRules.DEEP_MALICIOUS.at(Severity.LOW, false, d.location(), d.display(), "",
            "The published code of " + d.display() + " needs a look: " + reason(o.detail())));
      }
    }
    out.sort(null);
    return out;
  }
}
