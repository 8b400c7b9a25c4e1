package dev.bulwark.registry;

import dev.bulwark.model.NpmLifecycle;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Ecosystem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an npm packument (full or abbreviated) into a {@link PackageHistory}. */
final class NpmMetadata {
  private static final int MAX_VERSIONS = 20_000;

  private NpmMetadata() {}

  static PackageHistory parse(String requestedName, JsonNode doc) throws RegistryException {
    if (!doc.isObject() || !doc.path("versions").isObject()) {
      throw new RegistryException("not an npm packument for " + requestedName);
    }
    JsonNode time = doc.path("time");
    List<Release> releases = new ArrayList<>();
    var it = doc.path("versions").properties().iterator();
    while (it.hasNext() && releases.size() < MAX_VERSIONS) {
      var e = it.next();
      releases.add(release(e.getKey(), e.getValue(), time.path(e.getKey())));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    doc.path("dist-tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText("")));
    String readme = doc.path("readme").asText("");
    boolean hasReadme = !readme.isBlank() && !readme.startsWith("ERROR: No README");
    return new PackageHistory(Ecosystem.NPM, doc.path("name").asText(requestedName), releases,
        tags.getOrDefault("latest", ""), hasReadme, tags);
  }

  private static Release release(String version, JsonNode v, JsonNode time) {
    Map<String, String> scripts = new LinkedHashMap<>();
    v.path("scripts").properties().forEach(e -> {
      if (NpmLifecycle.INSTALL.contains(e.getKey()) && e.getValue().isTextual()) {
        scripts.put(e.getKey(), e.getValue().asText());
      }
    });
    if (v.path("hasInstallScript").asBoolean(false) && scripts.isEmpty()) {
      scripts.put("install", "(declared by hasInstallScript)");
    }
    List<String> maintainers = new ArrayList<>();
    for (JsonNode m : v.path("maintainers")) {
      String n = m.isTextual() ? m.asText() : m.path("name").asText("");
      if (!n.isBlank()) {
        maintainers.add(n);
      }
    }
    JsonNode dist = v.path("dist");
    boolean attested = dist.path("attestations").isObject()
        || dist.path("signatures").isArray() && !dist.path("signatures").isEmpty();
    JsonNode repo = v.path("repository");
    String repository = repo.isTextual() ? repo.asText() : repo.path("url").asText("");
    return new Release(version, instant(time.asText("")), v.path("_npmUser").path("name").asText(""),
        maintainers, scripts, attested, repository, v.path("description").asText(""),
        dist.path("tarball").asText(""), dist.path("integrity").asText(""));
  }

  static Optional<Instant> instant(String s) {
    try {
      return s.isBlank() ? Optional.empty() : Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
