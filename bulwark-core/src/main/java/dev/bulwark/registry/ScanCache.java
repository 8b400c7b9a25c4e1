package dev.bulwark.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Code scans of registry artifacts, persisted in a small SQLite file and keyed by the registry's
 * strong integrity hash ("sha512-…" for npm, "sha256:HEX" for PyPI). The hash names the exact
 * bytes that were verified and scanned, so an entry never goes stale for the same key; the
 * engine key (version and rule set) is stored too, so a changed engine rescans. Unlike the
 * verdict-only cache of {@code scan --deep}, the whole scan result is kept, so a cached
 * suspicious package still shows its findings. Thread-safe; failures only cost a rescan.
 */
public final class ScanCache implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A scan whose JSON is larger than this is not remembered (hostile packages, huge reports). */
  private static final int MAX_ENTRY_CHARS = 4 << 20;

  /** The stored form: {@link ScanResult} with its one Optional written as a plain string. */
  record Stored(String target, String kind, String ecosystem, String name, String version,
      Verdict verdict, int score, String reason, List<Finding> findings, List<Skipped> skipped,
      List<Problem> errors, int filesScanned, long bytesScanned) {}

  private final Optional<Connection> conn;
  private final String engine;

  private ScanCache(Optional<Connection> conn, String engine) {
    this.conn = conn;
    this.engine = engine;
  }

  /** A cache that remembers nothing ({@code --no-cache}, or when the file cannot be opened). */
  public static ScanCache disabled() {
    return new ScanCache(Optional.empty(), "");
  }

  /** Opens (creating when needed) the cache file for one engine key. */
  public static ScanCache open(Path file, String engineKey) throws IOException {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("CREATE TABLE IF NOT EXISTS scans (integrity TEXT NOT NULL, engine TEXT NOT NULL,"
            + " result TEXT NOT NULL, PRIMARY KEY (integrity, engine))");
      }
      return new ScanCache(Optional.of(c), engineKey);
    } catch (SQLException e) {
      throw new IOException("cannot open the scan cache " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The engine key: the Bulwark version and a digest of the rule set, so that new or changed
   * rules invalidate remembered scans.
   */
  public static String engineKey(String version, RuleCatalog catalog) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(catalog.list().toString().getBytes(StandardCharsets.UTF_8));
      return version + "/" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An engine key that needs no rule catalog: the version and the size and modification time of
   * the jar this engine runs from, which holds the built-in rules (a rebuilt engine rescans).
   * Empty when not running from a jar (a development build): then use
   * {@link #engineKey(String, RuleCatalog)}. Lets a guard whose scans are all cached skip loading
   * the rules.
   */
  public static Optional<String> jarEngineKey(String version) {
    try {
      var source = ScanCache.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? Path.of("") : Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      return Optional.of(version + "/jar-" + Files.size(jar) + "-"
          + Files.getLastModifiedTime(jar).toMillis());
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True for the hashes worth keying on: strong SRI (sha256/384/512) or a PyPI sha256. */
  static boolean strong(String integrity) {
    return integrity.startsWith("sha512-") || integrity.startsWith("sha384-")
        || integrity.startsWith("sha256-") || integrity.startsWith("sha256:");
  }

  public synchronized Optional<ScanResult> get(String integrity) {
    if (!strong(integrity) || conn.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement p = conn.get().prepareStatement(
        "SELECT result FROM scans WHERE integrity = ? AND engine = ?")) {
      p.setString(1, integrity);
      p.setString(2, engine);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(fromJson(r.getString(1))) : Optional.empty();
      }
    } catch (SQLException | IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry only costs a rescan
    }
  }

  public synchronized void put(String integrity, ScanResult result) {
    if (!strong(integrity) || conn.isEmpty()) {
      return;
    }
    try (PreparedStatement p = conn.get().prepareStatement("INSERT OR REPLACE INTO scans VALUES (?, ?, ?)")) {
      String json = toJson(result);
      if (json.length() > MAX_ENTRY_CHARS) {
        return;
      }
      p.setString(1, integrity);
      p.setString(2, engine);
      p.setString(3, json);
      p.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      // not fatal: the scan is still reported, only not remembered
    }
  }

  static String toJson(ScanResult r) throws JsonProcessingException {
    return JSON.writeValueAsString(new Stored(r.target(), r.kind(),
        r.ecosystem().map(Enum::name).orElse(""), r.name(), r.version(), r.verdict(), r.score(),
        r.reason(), r.findings(), r.skipped(), r.errors(), r.filesScanned(), r.bytesScanned()));
  }

  static ScanResult fromJson(String json) throws IOException {
    Stored s = JSON.readValue(json, Stored.class);
    return new ScanResult(s.target(), s.kind(), s.ecosystem().isEmpty() ? Optional.empty()
        : Optional.of(Ecosystem.valueOf(s.ecosystem())), s.name(), s.version(), s.verdict(),
        s.score(), s.reason(), s.findings(), s.skipped(), s.errors(), s.filesScanned(),
        s.bytesScanned());
  }

  @Override
  public synchronized void close() {
    try {
      if (conn.isPresent()) {
        conn.get().close();
      }
    } catch (SQLException e) {
      // nothing to do
    }
  }
}
