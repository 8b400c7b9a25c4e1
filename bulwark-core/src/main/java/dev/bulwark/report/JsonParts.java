package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.util.List;

/** Pieces shared by the JSON renderers. */
final class JsonParts {
  // Written once per finding and dependency of an audit: encoded once.
  private static final SerializableString LOCATION = new SerializedString("location");
  private static final SerializableString FILE = new SerializedString("file");
  private static final SerializableString LINE = new SerializedString("line");
  private static final SerializableString COLUMN = new SerializedString("column");

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
    g.writeFieldName(LOCATION);
    g.writeStartObject();
    g.writeFieldName(FILE);
    g.writeString(l.file());
    g.writeFieldName(LINE);
    g.writeNumber(l.line());
    if (l.column() > 0) {
      g.writeFieldName(COLUMN);
      g.writeNumber(l.column());
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
