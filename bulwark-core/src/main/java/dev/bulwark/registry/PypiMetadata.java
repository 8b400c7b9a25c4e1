package dev.bulwark.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Ecosystem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the PyPI JSON API document of a project into a {@link PackageHistory}. */
final class PypiMetadata {
  private static final int MAX_VERSIONS = 20_000;

  private PypiMetadata() {}

  static PackageHistory parse(String requestedName, JsonNode doc) throws RegistryException {
    JsonNode info = doc.path("info");
    if (!info.isObject()) {
      throw new RegistryException("not a PyPI JSON document for " + requestedName);
    }
    String latest = info.path("version").asText("");
    String repo = repository(info);
    String summary = info.path("summary").asText("");
    // The JSON API names no publishing accounts (author fields are free text), so PyPI releases
    // carry no maintainers and the maintainer heuristics do not apply to them.
    List<String> people = List.of();
    List<Release> releases = new ArrayList<>();
    var it = doc.path("releases").properties().iterator();
    while (it.hasNext() && releases.size() < MAX_VERSIONS) {
      var e = it.next();
      releases.add(release(e.getKey(), e.getValue(), repo, summary, people));
    }
    if (releases.stream().noneMatch(r -> r.version().equals(latest)) && !latest.isEmpty()) {
      releases.add(release(latest, doc.path("urls"), repo, summary, people));
    }
    boolean readme = !info.path("description").asText("").isBlank();
    return new PackageHistory(Ecosystem.PYPI, info.path("name").asText(requestedName), releases,
        latest, readme, Map.of());
  }

  private static Release release(String version, JsonNode files, String repo,
      String summary, List<String> people) {
    Optional<Instant> first = Optional.empty();
    JsonNode chosen = null;
    for (JsonNode f : files) {
      Optional<Instant> t = time(f);
      if (t.isPresent() && (first.isEmpty() || t.get().isBefore(first.get()))) {
        first = t;
      }
      boolean sdist = f.path("packagetype").asText("").equals("sdist");
      if (chosen == null || sdist) {
        chosen = f;
      }
    }
    String url = chosen == null ? "" : chosen.path("url").asText("");
    String sha = chosen == null ? "" : chosen.path("digests").path("sha256").asText("");
    // The project's links and summary describe the project, so every release shares them.
    return new Release(version, first, "", people, Map.of(), false, repo, summary, url,
        sha.isEmpty() ? "" : "sha256:" + sha);
  }

  private static Optional<Instant> time(JsonNode f) {
    String iso = f.path("upload_time_iso_8601").asText("");
    Optional<Instant> t = NpmMetadata.instant(iso);
    if (t.isPresent()) {
      return t;
    }
    try {
      String s = f.path("upload_time").asText("");
      return s.isBlank() ? Optional.empty() : Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String repository(JsonNode info) {
    var it = info.path("project_urls").properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
      if (k.contains("source") || k.contains("repo") || k.contains("code") || k.equals("github")) {
        return e.getValue().asText("");
      }
    }
    String home = info.path("home_page").asText("");
    return home.contains("git") ? home : "";
  }
}
