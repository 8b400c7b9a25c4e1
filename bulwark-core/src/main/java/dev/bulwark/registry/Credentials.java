package dev.bulwark.registry;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Registry auth tokens keyed by "//host[:port]/path/" as npmrc writes them. A token is only sent to
 * a URL under its own host and path. {@link #toString()} never shows a token.
 */
public final class Credentials {
  private final Map<String, String> tokens;

  Credentials(Map<String, String> tokens) {
    this.tokens = new TreeMap<>(tokens);
  }

  public static Credentials none() {
    return new Credentials(Map.of());
  }

  /** The bearer token for this URL: the longest matching "//host/path/" prefix. */
  Optional<String> tokenFor(URI uri) {
    if (uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String target = "//" + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT) + path;
    String best = "";
    for (String k : tokens.keySet()) {
      String key = k.endsWith("/") ? k : k + "/";
      if (target.startsWith(key.toLowerCase(java.util.Locale.ROOT)) && key.length() > best.length()) {
        best = k;
      }
    }
    return best.isEmpty() ? Optional.empty() : Optional.of(tokens.get(best));
  }

  int size() {
    return tokens.size();
  }

  @Override
  public String toString() {
    return "Credentials[" + tokens.size() + " token(s), hidden]";
  }
}
