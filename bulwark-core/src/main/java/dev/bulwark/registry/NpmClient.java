package dev.bulwark.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Fetches npm packuments and tarballs from the configured registries. */
public final class NpmClient {
  static final String ABBREVIATED = "application/vnd.npm.install-v1+json";
  static final String FULL = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryHttp http;
  private final NpmSettings settings;

  public NpmClient(RegistryHttp http, NpmSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** The packument; {@code abbreviated} asks for the install-only form (no times or README). */
  public JsonNode packument(String name, boolean abbreviated) throws RegistryException {
    URI uri = uri(settings.registryFor(name) + "/" + encode(name));
    byte[] body = http.metadata(uri, abbreviated ? ABBREVIATED : FULL, settings.credentials());
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new RegistryException("invalid JSON from " + RegistryHttp.safe(uri));
    }
  }

  public PackageHistory history(String name) throws RegistryException {
    return NpmMetadata.parse(name, packument(name, false));
  }

  /** Downloads a tarball and verifies it against the packument's SRI integrity before returning. */
  public byte[] tarball(Release r) throws RegistryException {
    if (r.artifactUrl().isEmpty()) {
      throw new RegistryException("version " + r.version() + " has no tarball URL");
    }
    URI uri = uri(r.artifactUrl());
    byte[] data = http.artifact(uri, settings.credentials());
    if (r.integrity().isEmpty()) {
      throw new RegistryException("version " + r.version() + " has no sha512 integrity to verify");
    }
    if (!Integrity.matchesSri(r.integrity(), data)) {
      throw new RegistryException("integrity mismatch for " + RegistryHttp.safe(uri)
          + ": the download does not match dist.integrity");
    }
    return data;
  }

  /** "@scope/name" becomes "@scope%2fname" as registries expect. */
  static String encode(String name) {
    if (name.startsWith("@") && name.indexOf('/') > 0) {
      int slash = name.indexOf('/');
      return "@" + URLEncoder.encode(name.substring(1, slash), StandardCharsets.UTF_8) + "%2f"
          + URLEncoder.encode(name.substring(slash + 1), StandardCharsets.UTF_8);
    }
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  static URI uri(String s) throws RegistryException {
    try {
      URI u = new URI(s);
      if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
        throw new RegistryException("not an http(s) URL: " + s);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new RegistryException("invalid URL: " + e.getMessage());
    }
  }
}
