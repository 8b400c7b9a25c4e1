package dev.bulwark.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.PackageNames;
import java.io.IOException;
import java.net.URI;

/** Fetches PyPI JSON API documents, PEP 691 Simple API pages and distribution files. */
public final class PypiClient {
  static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryHttp http;
  private final PypiSettings settings;

  public PypiClient(RegistryHttp http, PypiSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** {@code /pypi/<name>/json}. */
  public JsonNode project(String name) throws RegistryException {
    return json(settings.jsonBase() + "/pypi/" + PackageNames.normalizePypi(name) + "/json", "application/json");
  }

  /** {@code /pypi/<name>/<version>/json}. */
  public JsonNode version(String name, String version) throws RegistryException {
    return json(settings.jsonBase() + "/pypi/" + PackageNames.normalizePypi(name) + "/"
        + java.net.URLEncoder.encode(version, java.nio.charset.StandardCharsets.UTF_8) + "/json",
        "application/json");
  }

  /** The PEP 691 JSON Simple API page of a project. */
  public JsonNode simple(String name) throws RegistryException {
    return json(settings.index() + "/" + PackageNames.normalizePypi(name) + "/", SIMPLE_JSON);
  }

  public PackageHistory history(String name) throws RegistryException {
    return PypiMetadata.parse(name, project(name));
  }

  /** Downloads a distribution file and verifies its sha256 digest before returning. */
  public byte[] file(Release r) throws RegistryException {
    URI uri = NpmClient.uri(r.artifactUrl());
    byte[] data = http.artifact(uri, Credentials.none());
    String hex = r.integrity().startsWith("sha256:") ? r.integrity().substring(7) : "";
    if (!Integrity.matchesSha256Hex(hex, data)) {
      throw new RegistryException("sha256 mismatch or missing for " + RegistryHttp.safe(uri));
    }
    return data;
  }

  private JsonNode json(String url, String accept) throws RegistryException {
    URI uri = NpmClient.uri(url);
    byte[] body = http.metadata(uri, accept, Credentials.none());
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new RegistryException("invalid JSON from " + RegistryHttp.safe(uri));
    }
  }
}
