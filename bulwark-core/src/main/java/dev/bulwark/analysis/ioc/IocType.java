package dev.bulwark.analysis.ioc;

import java.util.Locale;
import java.util.Optional;

/** The kinds of indicator an {@link IocFeed} holds. Feed files use the lower-case name. */
public enum IocType {
  /** An IPv4 address, such as a command-and-control server. */
  IPV4("ipv4"),
  /** An IPv4 address with a port, {@code 192.0.2.1:1224}. */
  IP_PORT("ip-port"),
  /** A domain name; sub-domains of it match too. */
  DOMAIN("domain"),
  /** A URL; longer URLs that start with it match too. */
  URL("url"),
  /** The SHA-256 of a known-bad file, 64 lower-case hex digits. */
  SHA256("sha256"),
  /** An npm package, {@code name@version} or just {@code name} (every version). */
  NPM("npm"),
  /** A PyPI project, {@code name@version} or just {@code name} (every version). */
  PYPI("pypi");

  private final String fileName;

  IocType(String fileName) {
    this.fileName = fileName;
  }

  /** The name used in feed files. */
  public String fileName() {
    return fileName;
  }

  /** True for the types that {@link IocFeed#scan(String)} looks for in text. */
  public boolean inText() {
    return this == IPV4 || this == IP_PORT || this == DOMAIN || this == URL || this == SHA256;
  }

  /** Parses a feed-file type name (any case). */
  public static Optional<IocType> parse(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    for (IocType t : values()) {
      if (t.fileName.equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
