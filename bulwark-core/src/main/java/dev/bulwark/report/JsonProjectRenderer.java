package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.project.ProjectResult;
import dev.bulwark.project.Trigger;
import java.io.IOException;

/** Writes a project triage as a target of the JSON contract ({@code "kind": "project"}). */
public final class JsonProjectRenderer {
  private JsonProjectRenderer() {}

  public static void target(JsonGenerator g, ProjectResult p, RuleText.Source rules)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "project");
    g.writeStringField("path", p.scan().target());
    g.writeStringField("origin", p.origin());
    g.writeStringField("verdict", p.scan().verdict().jsonName());
    g.writeStringField("verdictLabel", ConsoleProjectRenderer.banner(p.scan().verdict()));
    g.writeNumberField("score", p.scan().score());
    g.writeStringField("reason", p.scan().reason());
    JsonParts.strings(g, "story", p.story());
    g.writeObjectFieldStart("executionSurface");
    g.writeArrayFieldStart("triggers");
    for (Trigger t : p.surface().triggers()) {
      g.writeStartObject();
      g.writeStringField("trigger", t.kind().jsonName());
      g.writeStringField("description", t.kind().description());
      g.writeBooleanField("automatic", t.kind().automatic());
      g.writeStringField("name", t.name());
      g.writeStringField("command", t.command());
      JsonParts.location(g, t.location());
      JsonParts.strings(g, "runs", t.runs());
      JsonParts.strings(g, "chains", t.chains());
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonParts.strings(g, "notes", p.surface().notes());
    g.writeEndObject();
    g.writeArrayFieldStart("findings");
    for (var f : p.scan().findings()) {
      JsonScanRenderer.finding(g, f, rules.find(f.ruleId()));
    }
    g.writeEndArray();
    g.writeObjectFieldStart("dependencies");
    g.writeNumberField("count", p.dependencyCount());
    g.writeArrayFieldStart("findings");
    for (AuditFinding f : p.dependencyFindings()) {
      JsonAuditRenderer.finding(g, f, false);
    }
    g.writeEndArray();
    g.writeEndObject();
    JsonParts.strings(g, "nextSteps", p.nextSteps());
    g.writeArrayFieldStart("skipped");
    for (var s : p.scan().skipped()) {
      g.writeStartObject();
      g.writeStringField("path", s.path());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonParts.problems(g, "errors", p.scan().errors());
    g.writeObjectFieldStart("stats");
    g.writeNumberField("files", p.scan().filesScanned());
    g.writeNumberField("bytes", p.scan().bytesScanned());
    g.writeEndObject();
    g.writeEndObject();
  }
}
