package dev.bulwark.inventory.pypi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipenv's Pipfile.lock (JSON): the {@code default} and {@code develop} sections (develop is
 * dev), hashes, and {@code _meta.sources} as package indexes. Read with Jackson's streaming
 * parser so that every package keeps the line of its key. The lock has no graph: direct
 * dependencies are the names in the Pipfile beside it, when there is one.
 */
final class PipfileLockExtractor implements LockfileExtractor {
  static final String ID = "pypi/pipfile-lock";
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build());

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.equals("Pipfile.lock");
  }

  @Override
  public Inventory extract(LockfileInput in) throws ExtractionException {
    List<PyDep> deps = new ArrayList<>();
    List<PackageSourceConfig> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(in.text())) {
      try {
        read(in, p, deps, sources, problems);
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? p.currentLocation().getLineNr() : e.getLocation().getLineNr();
        throw new ExtractionException(in.displayPath(), Math.max(0, line),
            "invalid JSON: " + Pep508.shorten(String.valueOf(e.getOriginalMessage()), 200));
      }
    } catch (IOException e) {
      throw new ExtractionException(in.displayPath(), 0, "cannot read JSON: " + e.getMessage());
    }
    LockGraph graph = new LockGraph();
    deps.forEach(d -> graph.add(d.name(), d.pin().version(), List.of()));
    graph.apply(deps, Siblings.pipfile(in, problems).map(Manifest::roots), in.displayPath(), true);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, deps.stream().map(PyDep::build).toList(),
        sources, problems.stream().sorted().toList());
  }

  private static void read(LockfileInput in, JsonParser p, List<PyDep> deps,
      List<PackageSourceConfig> sources, List<Problem> problems) throws IOException, ExtractionException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new ExtractionException(in.displayPath(), line(p), "not a Pipfile.lock: expected a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "default", "develop" -> section(in, p, field.equals("develop"), deps);
        case "_meta" -> meta(in, p, sources);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      problems.add(new Problem("trailing-content", "content after the JSON object was ignored",
          SourceLocation.of(in.displayPath(), line(p))));
    }
  }

  private static int line(JsonParser p) {
    return Math.max(0, p.currentTokenLocation().getLineNr());
  }

  private static void section(LockfileInput in, JsonParser p, boolean dev, List<PyDep> deps) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      SourceLocation at = SourceLocation.of(in.displayPath(), line(p));
      p.nextToken();
      JsonNode entry = MAPPER.readTree(p);
      if (entry == null || !entry.isObject()) {
        continue;
      }
      deps.add(entry(name, entry, at).dev(dev));
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

  private static void meta(LockfileInput in, JsonParser p, List<PackageSourceConfig> sources) throws IOException {
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
        JsonNode s = MAPPER.readTree(p);
        String url = s.path("url").asText("");
        if (!url.isEmpty()) {
          sources.add(new PackageSourceConfig(sources.isEmpty() ? "index-url" : "extra-index-url", url,
              SourceLocation.of(in.displayPath(), line)));
        }
      }
    }
  }
}
