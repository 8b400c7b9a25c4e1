package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.util.List;

/** Pieces shared by the JSON renderers. */
final class JsonParts {
  private JsonParts() {}

  static void header(JsonGenerator g, ToolInfo tool, String command) throws IOException {
    g.writeStringField("tool", "bulwark");
    g.writeStringField("version", tool.version());
    g.writeStringField("schemaVersion", ToolInfo.SCHEMA_VERSION);
    g.writeStringField("command", command);
    if (!tool.databaseSource().isEmpty()) {
      g.writeObjectFieldStart("database");
      g.writeStringField("source", tool.databaseSource());
      g.writeStringField("age", tool.databaseAge());
      g.writeEndObject();
    }
  }

  static void location(JsonGenerator g, SourceLocation l) throws IOException {
    g.writeObjectFieldStart("location");
    g.writeStringField("file", l.file());
    g.writeNumberField("line", l.line());
    if (l.column() > 0) {
      g.writeNumberField("column", l.column());
    }
    g.writeEndObject();
  }

  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  static void problems(JsonGenerator g, String field, List<Problem> problems) throws IOException {
    g.writeArrayFieldStart(field);
    for (Problem p : problems) {
      g.writeStartObject();
      g.writeStringField("code", p.code());
      g.writeStringField("message", p.message());
      location(g, p.location());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
