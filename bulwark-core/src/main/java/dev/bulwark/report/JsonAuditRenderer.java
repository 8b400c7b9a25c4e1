package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Severity;
import dev.bulwark.policy.IgnoreRule;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;

/** Renders an audit as the JSON contract of docs/json-output.md. Pure: result in, text out. */
public final class JsonAuditRenderer {
  private JsonAuditRenderer() {}

  public static void render(AuditReport report, ToolInfo tool, int exitCode, Writer out)
      throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      JsonParts.header(g, tool, "audit");
      g.writeArrayFieldStart("targets");
      for (AuditReport.Target t : report.targets()) {
        target(g, t, report);
      }
      g.writeEndArray();
      policy(g, report);
      summary(g, report, exitCode);
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void target(JsonGenerator g, AuditReport.Target t, AuditReport r)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "audit");
    g.writeStringField("path", t.path());
    g.writeArrayFieldStart("files");
    for (Inventory i : t.inventories()) {
      g.writeStartObject();
      g.writeStringField("file", i.file());
      g.writeStringField("format", i.format());
      g.writeStringField("ecosystem", i.ecosystem().osvName());
      g.writeNumberField("dependencies", i.dependencies().size());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sources");
    for (Inventory i : t.inventories()) {
      for (PackageSourceConfig s : i.sources()) {
        g.writeStartObject();
        g.writeStringField("kind", s.kind());
        g.writeStringField("url", s.url());
        JsonParts.location(g, s.location());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (AuditFinding f : t.findings()) {
      finding(g, f, r.failOn().fails(f));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ignored");
    for (AuditReport.Ignored ig : t.ignored()) {
      g.writeStartObject();
      g.writeFieldName("finding");
      finding(g, ig.finding(), false);
      g.writeFieldName("rule");
      ignoreRule(g, ig.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("dependencies");
    for (Dependency d : t.dependencies()) {
      dependency(g, d);
    }
    g.writeEndArray();
    JsonParts.problems(g, "errors", t.problems());
    g.writeEndObject();
  }

  static void finding(JsonGenerator g, AuditFinding f, boolean fails) throws IOException {
    Dependency d = f.dependency();
    g.writeStartObject();
    g.writeStringField("id", f.id());
    JsonParts.strings(g, "aliases", f.aliases());
    g.writeStringField("kind", f.kind().jsonName());
    g.writeStringField("severity", f.severity().jsonName());
    if (f.cvssScore().isPresent()) {
      g.writeNumberField("cvssScore", f.cvssScore().getAsDouble());
    }
    g.writeStringField("summary", f.summary());
    g.writeObjectFieldStart("package");
    g.writeStringField("ecosystem", d.ecosystem().osvName());
    g.writeStringField("name", d.name());
    g.writeStringField("version", d.version());
    g.writeStringField("purl", d.purl());
    g.writeEndObject();
    JsonParts.strings(g, "fixedVersions", f.fixedVersions());
    JsonParts.strings(g, "introducedVia", d.path());
    JsonParts.location(g, d.location());
    g.writeBooleanField("direct", d.direct());
    g.writeBooleanField("dev", d.dev());
    g.writeBooleanField("unpinned", f.unpinned() || d.unpinned());
    g.writeBooleanField("fails", fails);
    JsonParts.strings(g, "references", f.references());
    g.writeEndObject();
  }

  static void dependency(JsonGenerator g, Dependency d) throws IOException {
    g.writeStartObject();
    g.writeStringField("ecosystem", d.ecosystem().osvName());
    g.writeStringField("name", d.name());
    g.writeStringField("version", d.version());
    g.writeStringField("purl", d.purl());
    g.writeBooleanField("direct", d.direct());
    g.writeBooleanField("dev", d.dev());
    g.writeBooleanField("optional", d.optional());
    g.writeBooleanField("unpinned", d.unpinned());
    g.writeStringField("source", d.source().jsonName());
    if (!d.resolved().isEmpty()) {
      g.writeStringField("resolved", d.resolved());
    }
    if (!d.integrity().isEmpty()) {
      g.writeStringField("integrity", d.integrity());
    }
    JsonParts.location(g, d.location());
    JsonParts.strings(g, "introducedVia", d.path());
    g.writeEndObject();
  }

  private static void policy(JsonGenerator g, AuditReport r) throws IOException {
    g.writeObjectFieldStart("policy");
    g.writeStringField("failOn", r.failOn().jsonName());
    g.writeBooleanField("includeDev", r.includeDev());
    g.writeArrayFieldStart("expiredIgnores");
    for (IgnoreRule i : r.expiredIgnores()) {
      ignoreRule(g, i);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unusedIgnores");
    for (IgnoreRule i : r.unusedIgnores()) {
      ignoreRule(g, i);
    }
    g.writeEndArray();
    JsonParts.problems(g, "errors", r.policyProblems());
    g.writeEndObject();
  }

  private static void ignoreRule(JsonGenerator g, IgnoreRule i) throws IOException {
    g.writeStartObject();
    if (!i.advisoryId().isEmpty()) {
      g.writeStringField("id", i.advisoryId());
    }
    if (!i.packageName().isEmpty()) {
      g.writeStringField("package", i.describe().replace(i.advisoryId() + " in ", ""));
    }
    g.writeStringField("reason", i.reason());
    g.writeStringField("expires", i.expires().toString());
    JsonParts.location(g, i.location());
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, AuditReport r, int exitCode) throws IOException {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    int deps = 0;
    int findings = 0;
    int malicious = 0;
    int errors = 0;
    int ignored = 0;
    for (AuditReport.Target t : r.targets()) {
      deps += t.dependencies().size();
      findings += t.findings().size();
      errors += t.problems().size();
      ignored += t.ignored().size();
      for (AuditFinding f : t.findings()) {
        bySeverity.merge(f.severity(), 1, Integer::sum);
        if (f.kind() == AdvisoryKind.MALICIOUS) {
          malicious++;
        }
      }
    }
    g.writeObjectFieldStart("summary");
    g.writeNumberField("targets", r.targets().size());
    g.writeNumberField("dependencies", deps);
    g.writeNumberField("findings", findings);
    g.writeNumberField("malicious", malicious);
    g.writeNumberField("vulnerabilities", findings - malicious);
    g.writeObjectFieldStart("bySeverity");
    for (Map.Entry<Severity, Integer> e : bySeverity.entrySet()) {
      g.writeNumberField(e.getKey().jsonName(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("ignored", ignored);
    g.writeNumberField("failing", r.failingCount());
    g.writeNumberField("errors", errors);
    g.writeNumberField("exitCode", exitCode);
    g.writeEndObject();
  }
}
