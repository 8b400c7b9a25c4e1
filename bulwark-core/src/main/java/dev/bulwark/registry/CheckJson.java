package dev.bulwark.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.report.JsonScanRenderer;
import dev.bulwark.report.RuleText;
import dev.bulwark.report.ToolInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Renders check results as the "check" part of the JSON contract (docs/json-output.md). */
public final class CheckJson {
  private CheckJson() {}

  public static void render(List<CheckResult> results, ToolInfo tool, RuleText.Source rules,
      int exitCode, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("tool", "bulwark");
      g.writeStringField("version", tool.version());
      g.writeStringField("schemaVersion", ToolInfo.SCHEMA_VERSION);
      g.writeStringField("command", "check");
      if (!tool.databaseSource().isEmpty()) {
        g.writeObjectFieldStart("database");
        g.writeStringField("source", tool.databaseSource());
        g.writeStringField("age", tool.databaseAge());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("targets");
      for (CheckResult r : results) {
        target(g, r, rules);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("targets", results.size());
      for (CheckVerdict v : CheckVerdict.values()) {
        g.writeNumberField(v.jsonName(), results.stream().filter(r -> r.verdict() == v).count());
      }
      g.writeNumberField("incomplete", results.stream().filter(CheckResult::incomplete).count());
      g.writeNumberField("exitCode", exitCode);
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void target(JsonGenerator g, CheckResult r, RuleText.Source rules) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "check");
    g.writeStringField("target", r.target());
    g.writeStringField("ecosystem", r.ecosystem().osvName());
    g.writeStringField("name", r.name());
    g.writeStringField("version", r.version());
    g.writeStringField("verdict", r.verdict().jsonName());
    g.writeStringField("reason", r.reason());
    g.writeStringField("recommendation", r.recommendation());
    if (!r.didYouMean().isEmpty()) {
      g.writeStringField("didYouMean", r.didYouMean());
    }
    g.writeArrayFieldStart("metadata");
    for (Finding f : r.metadata()) {
      metadataFinding(g, f);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("advisories");
    for (AuditFinding a : r.advisories()) {
      advisory(g, a);
    }
    g.writeEndArray();
    if (r.code().isPresent()) {
      g.writeFieldName("code");
      JsonScanRenderer.target(g, r.code().get(), rules);
    }
    g.writeArrayFieldStart("problems");
    for (Problem p : r.problems()) {
      g.writeStartObject();
      g.writeStringField("code", p.code());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void metadataFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("category", f.category().jsonName());
    g.writeStringField("severity", f.severity().jsonName());
    g.writeStringField("confidence", f.confidence().jsonName());
    g.writeStringField("signal", f.threat() ? "threat" : "capability");
    g.writeStringField("message", f.message());
    g.writeStringField("evidence", f.snippet());
    MetadataRules.all().stream().filter(m -> m.id().equals(f.ruleId())).findFirst().ifPresent(m -> {
      try {
        g.writeStringField("title", m.title());
        g.writeObjectFieldStart("explanation");
        g.writeStringField("what", m.what());
        g.writeStringField("why", m.why());
        g.writeStringField("action", m.action());
        g.writeEndObject();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    g.writeEndObject();
  }

  private static void advisory(JsonGenerator g, AuditFinding a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeArrayFieldStart("aliases");
    for (String s : a.aliases()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeStringField("kind", a.kind().jsonName());
    g.writeStringField("severity", a.severity().jsonName());
    if (a.cvssScore().isPresent()) {
      g.writeNumberField("cvssScore", a.cvssScore().getAsDouble());
    }
    g.writeStringField("summary", a.summary());
    g.writeArrayFieldStart("fixedVersions");
    for (String s : a.fixedVersions()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
