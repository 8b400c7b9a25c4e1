package dev.bulwark.inventory.pypi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Streams one Pipfile.lock, keeping the line of every package key. One instance per file. */
final class PipfileLockReader {
  private final LockfileInput in;
  private final List<PyDep> deps = new ArrayList<>();
  private final List<PackageSourceConfig> sources = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> sourceUrls = new HashMap<>();
  private final Map<PyDep, String> indexOf = new IdentityHashMap<>();

  PipfileLockReader(LockfileInput in) {
    this.in = in;
  }

  List<PyDep> deps() {
    return deps;
  }

  List<PackageSourceConfig> sources() {
    return sources;
  }

  List<Problem> problems() {
    return problems;
  }

  void read(JsonParser p) throws IOException, ExtractionException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new ExtractionException(in.displayPath(), line(p), "not a Pipfile.lock: expected a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "default", "develop" -> section(p, field.equals("develop"));
        case "_meta" -> meta(p);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      problems.add(new Problem("trailing-content", "content after the JSON object was ignored", at(line(p))));
    }
    indexOf.forEach((d, index) -> {
      if (d.resolved().isEmpty() && sourceUrls.containsKey(index)) {
        d.resolved(sourceUrls.get(index));
      }
    });
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private SourceLocation at(int line) {
    return SourceLocation.of(in.displayPath(), line);
  }

  private void section(JsonParser p, boolean dev) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      SourceLocation at = at(line(p));
      p.nextToken();
      JsonNode entry = PipfileLockExtractor.MAPPER.readTree(p);
      if (entry == null || !entry.isObject()) {
        problems.add(new Problem("invalid-entry", "entry " + Pep508.shorten(name) + " is not an object; skipped", at));
        continue;
      }
      PyDep d = entry(name, entry, at).dev(dev);
      if (!entry.path("index").asText("").isEmpty()) {
        indexOf.put(d, entry.path("index").asText(""));
      }
      deps.add(d);
    }
  }

  private static PyDep entry(String name, JsonNode e, SourceLocation at) {
    PyDep d = PyDep.of(name, at).pin(Pin.ofSpecifier(e.path("version").asText("")));
    JsonNode hashes = e.path("hashes");
    if (hashes.isArray() && !hashes.isEmpty()) {
      d.integrity(PyDep.integrityOf(hashes.get(0).asText("")));
    }
    String git = e.path("git").asText("");
    String ref = e.path("ref").asText("");
    if (!git.isEmpty()) {
      d.source(DependencySource.GIT).resolved(ref.isEmpty() ? git : git + "@" + ref);
    } else if (!e.path("path").asText("").isEmpty()) {
      d.source(DependencySource.FILE).resolved(e.path("path").asText(""));
    } else if (!e.path("file").asText("").isEmpty()) {
      String f = e.path("file").asText("");
      d.source(PyDep.sourceOfUrl(f)).resolved(f);
    }
    return d;
  }

  private void meta(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (!field.equals("sources") || p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        int line = line(p);
        JsonNode s = PipfileLockExtractor.MAPPER.readTree(p);
        String url = s.path("url").asText("");
        if (!url.isEmpty()) {
          sources.add(new PackageSourceConfig(sources.isEmpty() ? "index-url" : "extra-index-url", url, at(line)));
          sourceUrls.putIfAbsent(s.path("name").asText(""), url);
        }
      }
    }
  }
}
