package dev.bulwark.inventory.pypi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import java.io.IOException;
import java.util.List;

/**
 * Pipenv's Pipfile.lock (JSON): the {@code default} and {@code develop} sections (develop is
 * dev), hashes, git, path and file entries, and {@code _meta.sources} as package indexes (the
 * first as index-url, the rest as extra-index-url; an entry's {@code index} names the URL it is
 * resolved from). The lock has no graph: direct dependencies are the names in the Pipfile
 * beside it, when there is one; without it no entry is marked direct.
 */
final class PipfileLockExtractor implements LockfileExtractor {
  static final String ID = "pypi/pipfile-lock";
  /** Nesting deeper than this is refused; real Pipfile.lock files nest 4 levels. */
  static final int MAX_DEPTH = 64;
  static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
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
    PipfileLockReader reader = new PipfileLockReader(in);
    try (JsonParser p = MAPPER.createParser(in.text())) {
      try {
        reader.read(p);
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? p.currentLocation().getLineNr() : e.getLocation().getLineNr();
        throw new ExtractionException(in.displayPath(), Math.max(0, line),
            "invalid JSON: " + Pep508.shorten(String.valueOf(e.getOriginalMessage()), 200));
      }
    } catch (IOException e) {
      throw new ExtractionException(in.displayPath(), 0, "cannot read JSON: " + e.getMessage());
    }
    List<PyDep> deps = reader.deps();
    LockGraph graph = new LockGraph();
    deps.forEach(d -> graph.add(d.name(), d.pin().version(), List.of()));
    graph.apply(deps, Siblings.pipfile(in, reader.problems()).map(Manifest::roots), in.displayPath(), true);
    return new Inventory(in.displayPath(), ID, Ecosystem.PYPI, deps.stream().map(PyDep::build).toList(),
        reader.sources(), reader.problems().stream().sorted().toList());
  }
}
