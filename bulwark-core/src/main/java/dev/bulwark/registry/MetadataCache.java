package dev.bulwark.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An on-disk cache of registry metadata documents, keyed by URL and Accept header, valid for a
 * time-to-live. Failures to read or write the cache are ignored: it only saves time.
 */
public final class MetadataCache {
  private final Path dir;
  private final Duration ttl;
  private final Clock clock;

  public MetadataCache(Path dir, Duration ttl, Clock clock) {
    this.dir = dir;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The default folder: $XDG_CACHE_HOME/bulwark/registry or ~/.cache/bulwark/registry. */
  public static Path defaultDir(java.util.Map<String, String> env, Path home) {
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    Path base = xdg.isEmpty() ? home.resolve(".cache") : Path.of(xdg);
    return base.resolve("bulwark").resolve("registry");
  }

  Optional<byte[]> get(String url, String accept) {
    Path f = file(url, accept);
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      Instant written = Files.getLastModifiedTime(f).toInstant();
      if (written.plus(ttl).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(f));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void put(String url, String accept, byte[] body) {
    Path f = file(url, accept);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "entry", ".tmp");
      Files.write(tmp, body);
      Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.from(clock.instant()));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // A cache that cannot be written only costs time.
    }
  }

  private Path file(String url, String accept) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((accept + " " + url).getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(h) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
