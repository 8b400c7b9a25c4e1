package dev.bulwark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds and applies the JSON Schemas the reports are checked against. */
final class Schemas {
  static final ObjectMapper JSON = new ObjectMapper();

  private Schemas() {}

  /** The repository root (the parent of bulwark-core). */
  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
  }

  /** The SARIF 2.1.0 schema from the shared data folder beside the repository, if present. */
  static Optional<Path> sarifSchema() {
    Path root = repoRoot();
    for (Path p : List.of(root.resolve("../shared/data/schemas/sarif-schema-2.1.0.json"),
        root.resolve("../../shared/data/schemas/sarif-schema-2.1.0.json"),
        Path.of("/work/shared/data/schemas/sarif-schema-2.1.0.json"))) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p.normalize());
      }
    }
    return Optional.empty();
  }

  static Path outputSchema() {
    return repoRoot().resolve("docs/bulwark-output.schema.json");
  }

  /** Validation messages, empty when {@code json} is valid. */
  static Set<String> validate(Path schema, SpecificationVersion version, String json)
      throws IOException {
    Schema s;
    try (InputStream in = Files.newInputStream(schema)) {
      s = SchemaRegistry.withDefaultDialect(version).getSchema(in);
    }
    JsonNode node = JSON.readTree(json);
    List<Error> errors = s.validate(node);
    return errors.stream().map(Error::toString).collect(Collectors.toSet());
  }

  static String render(ReportFormat f, ReportData d) throws IOException {
    StringWriter w = new StringWriter();
    f.render(d, w);
    return w.toString();
  }
}
