package dev.bulwark.monitor;

import dev.bulwark.model.Category;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The worker's judgement of one version: download (bounded), verify the announced hash, scan
 * with {@link EngineScan}, add the registry heuristics that need no extra request and the diff
 * against the package's previous judged version.
 *
 * <p>The engine's verdict is kept, except that the monitor's own findings may raise a clean
 * verdict to suspicious (never to malicious: a version is malicious here exactly when
 * {@code bulwark scan} calls its artifact malicious), and that an artifact the engine could not
 * read whole (bomb, truncated, over the limits) and did not call malicious is an {@code error}.
 */
public final class ArtifactJudge implements Judge {
  /** Reader findings that mean "this artifact was not read whole": the verdict is error. */
  static final Set<String> UNREADABLE = Set.of("archive-bomb", "archive-corrupt",
      "archive-too-large", "archive-time-budget", "archive-too-many-entries",
      "archive-nesting-too-deep");

  private final HttpClient http;
  private final EngineScan engine;
  private final Path tmp;
  private final Clock clock;
  private final long maxArtifactBytes;
  private final Duration timeout;
  private final Heuristics heuristics;
  private final FeedHttp.Retry retry;
  private final Sleeper sleeper;

  /**
   * @param tmp where artifacts are written while scanned (each deleted right after)
   * @param registryHosts hosts the registry serves artifacts from; an artifact elsewhere is a
   *     finding (empty: no such check)
   * @param retry how often, and with what backoff, a download that failed with a 5xx, 429, 408
   *     or a broken connection is tried again within one judgement, before the queue's retry
   *     (which counts towards the dead letter) is asked for: a registry that fails for a few
   *     seconds must not turn versions into {@code error} verdicts
   */
  public ArtifactJudge(HttpClient http, EngineScan engine, Path tmp, Clock clock,
      long maxArtifactBytes, Duration timeout, Set<String> registryHosts, FeedHttp.Retry retry,
      Sleeper sleeper) {
    this.retry = retry;
    this.sleeper = sleeper;
    this.http = http;
    this.engine = engine;
    this.tmp = tmp;
    this.clock = clock;
    this.maxArtifactBytes = maxArtifactBytes;
    this.timeout = timeout;
    this.heuristics = new Heuristics(registryHosts);
  }

  @Override
  public VerdictRecord judge(VersionEvent e, Optional<VerdictRecord> previous)
      throws TransientFailure, InterruptedException {
    byte[] bytes;
    try {
      bytes = download(e.artifactUrl());
    } catch (Unjudgeable u) {
      return VerdictRecord.error(e, u.getMessage(), clock.instant());
    }
    Optional<String> mismatch = verify(e.expected(), bytes);
    if (mismatch.isPresent()) {
      return VerdictRecord.error(e, mismatch.get(), clock.instant());
    }
    ScanResult r;
    Path file = null;
    try {
      Files.createDirectories(tmp);
      file = Files.createTempFile(tmp, "artifact-", "-" + baseName(e.artifactUrl()));
      Files.write(file, bytes);
      bytes = null;
      r = engine.scan(file, baseName(e.artifactUrl()));
    } catch (IOException io) {
      throw new TransientFailure("cannot write the artifact to " + tmp + ": " + io.getMessage());
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A leftover temp file is removed when the monitor starts next time.
        }
      }
    }
    return verdict(e, r, previous);
  }

  VerdictRecord verdict(VersionEvent e, ScanResult r, Optional<VerdictRecord> previous) {
    List<VerdictFinding> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      findings.add(new VerdictFinding(f.ruleId(), f.severity().jsonName(), f.location().file(),
          f.location().line(), f.message()));
    }
    Set<String> traits = traits(r.findings());
    if (r.verdict() != Verdict.MALICIOUS) {
      Optional<String> unreadable = r.findings().stream()
          .filter(f -> UNREADABLE.contains(f.ruleId())).map(f -> f.ruleId() + ": " + f.message())
          .sorted().findFirst();
      Optional<String> failed = r.errors().stream().map(Problem::message).findFirst();
      if (unreadable.isPresent() || failed.isPresent() && r.filesScanned() == 0) {
        return new VerdictRecord(e, e.expected().key(), MonitorVerdict.ERROR,
            unreadable.orElseGet(failed::get), 0, findings, traits, clock.instant());
      }
    }
    List<VerdictFinding> own = heuristics.findings(e, traits, previous);
    findings.addAll(own);
    MonitorVerdict v = MonitorVerdict.of(r.verdict());
    int score = r.score();
    String reason = r.reason();
    if (v == MonitorVerdict.CLEAN && Heuristics.raises(own)) {
      v = MonitorVerdict.SUSPICIOUS;
      score = Math.max(score, Heuristics.RAISED_SCORE);
      reason = "The engine found no threat, but " + own.stream().filter(Heuristics::raising)
          .map(f -> f.message().substring(0, 1).toLowerCase(Locale.ROOT) + f.message().substring(1))
          .findFirst().orElse("the package changed shape.");
    }
    return new VerdictRecord(e, e.expected().key(), v, reason, score, findings, traits,
        clock.instant());
  }

  /** What the version can do, by finding category; the next version is diffed against it. */
  static Set<String> traits(List<Finding> findings) {
    Set<String> t = new TreeSet<>();
    for (Finding f : findings) {
      Category c = f.category();
      if (c == Category.INSTALL_HOOK) {
        t.add(Heuristics.INSTALL_SCRIPT);
      }
      if (c == Category.SUSPICIOUS_NETWORK || c == Category.EXFILTRATION
          || c == Category.DOWNLOAD_EXECUTE) {
        t.add(Heuristics.NETWORK);
      }
      if (c == Category.CODE_EXECUTION || c == Category.DOWNLOAD_EXECUTE) {
        t.add(Heuristics.PROCESS);
      }
      if (c == Category.OBFUSCATION) {
        t.add(Heuristics.OBFUSCATION);
      }
    }
    return t;
  }

  private byte[] download(String url) throws Unjudgeable, TransientFailure, InterruptedException {
    Duration wait = retry.first();
    for (int attempt = 1; ; attempt++) {
      try {
        return downloadOnce(url);
      } catch (Retryable r) {
        if (attempt >= retry.attempts()) {
          throw new TransientFailure(r.getMessage());
        }
      }
      sleeper.sleep(wait);
      wait = wait.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max() : wait.multipliedBy(2);
    }
  }

  /** A download failure worth trying again at once (not a timeout: that already waited). */
  private static final class Retryable extends Exception {
    private static final long serialVersionUID = 1L;

    Retryable(String message) {
      super(message, null, false, false);
    }
  }

  private byte[] downloadOnce(String url)
      throws Unjudgeable, TransientFailure, Retryable, InterruptedException {
    HttpRequest req;
    try {
      req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    } catch (IllegalArgumentException ex) {
      throw new Unjudgeable("bad artifact URL: " + url);
    }
    try {
      HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = resp.body()) {
        int code = resp.statusCode();
        if (code >= 500 || code == 429 || code == 408) {
          throw new Retryable("download: HTTP " + code);
        }
        if (code == 404 || code == 410) {
          throw new Unjudgeable("artifact not found (HTTP " + code + ")");
        }
        if (code != 200) {
          throw new Unjudgeable("download: HTTP " + code);
        }
        byte[] b = FeedHttp.readCapped(in, maxArtifactBytes);
        if (b == null) {
          throw new Unjudgeable("artifact larger than " + maxArtifactBytes + " bytes");
        }
        return b;
      }
    } catch (java.net.http.HttpTimeoutException ex) {
      throw new TransientFailure("download timed out after " + timeout.toSeconds() + " s");
    } catch (IOException ex) {
      throw new Retryable("download: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    }
  }

  /** Empty when the bytes match (or nothing was announced); else why not. */
  static Optional<String> verify(ArtifactHash expected, byte[] bytes) {
    Optional<String> alg = expected.javaAlgorithm();
    if (alg.isEmpty()) {
      return Optional.empty();
    }
    try {
      String got = HexFormat.of().formatHex(MessageDigest.getInstance(alg.get()).digest(bytes));
      return got.equals(expected.hex()) ? Optional.empty()
          : Optional.of("hash mismatch: the registry announced " + expected.algorithm() + " "
              + abbreviate(expected.hex()) + ", the artifact has " + abbreviate(got));
    } catch (NoSuchAlgorithmException ex) {
      return Optional.of("cannot verify " + expected.algorithm());
    }
  }

  private static String abbreviate(String hex) {
    return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
  }

  /** The artifact's file name from its URL, reduced to safe characters. */
  static String baseName(String url) {
    String path = url;
    int q = path.indexOf('?');
    path = q >= 0 ? path.substring(0, q) : path;
    String name = path.substring(path.lastIndexOf('/') + 1);
    String safe = name.replaceAll("[^A-Za-z0-9._+-]", "_");
    if (safe.length() > 100) {
      safe = safe.substring(safe.length() - 100);
    }
    return safe.isEmpty() ? "artifact" : safe;
  }

  /** A version that cannot be judged, for a reason another attempt will not change. */
  private static final class Unjudgeable extends Exception {
    private static final long serialVersionUID = 1L;

    Unjudgeable(String message) {
      super(message);
    }
  }
}
