package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Severity;
import dev.bulwark.policy.IgnoreRule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders an audit as the JSON contract of docs/json-output.md. Pure: result in, text out.
 * A dense audit writes a hundred thousand findings, so the field names of findings and
 * dependencies are encoded once ({@link SerializedString}) and the byte variant writes UTF-8
 * without a character encoder in between; both variants give the same bytes.
 */
public final class JsonAuditRenderer {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final SerializableString ID = name("id");
  private static final SerializableString ALIASES = name("aliases");
  private static final SerializableString KIND = name("kind");
  private static final SerializableString SEVERITY = name("severity");
  private static final SerializableString CVSS_SCORE = name("cvssScore");
  private static final SerializableString SUMMARY = name("summary");
  private static final SerializableString PACKAGE = name("package");
  private static final SerializableString ECOSYSTEM = name("ecosystem");
  private static final SerializableString NAME = name("name");
  private static final SerializableString VERSION = name("version");
  private static final SerializableString PURL = name("purl");
  private static final SerializableString FIXED_VERSIONS = name("fixedVersions");
  private static final SerializableString INTRODUCED_VIA = name("introducedVia");
  private static final SerializableString DIRECT = name("direct");
  private static final SerializableString DEV = name("dev");
  private static final SerializableString OPTIONAL = name("optional");
  private static final SerializableString UNPINNED = name("unpinned");
  private static final SerializableString FAILS = name("fails");
  private static final SerializableString REFERENCES = name("references");
  private static final SerializableString SOURCE = name("source");
  private static final SerializableString RESOLVED = name("resolved");
  private static final SerializableString INTEGRITY = name("integrity");

  private JsonAuditRenderer() {}

  private static SerializableString name(String s) {
    return new SerializedString(s);
  }

  /** Writes the report to a character stream. */
  public static void render(AuditReport report, ToolInfo tool, int exitCode, Writer out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      document(g, report, tool, exitCode);
    }
    // The generator closed the stream, so this newline is never written; kept as it was so that
    // reports stay byte for byte the same (the byte variant below writes none either).
    out.write('\n');
    out.flush();
  }

  /**
   * The same bytes as {@link #render(AuditReport, ToolInfo, int, Writer)} in UTF-8, written by
   * {@link JsonAuditBytes}; leaves {@code out} open.
   */
  public static void render(AuditReport report, ToolInfo tool, int exitCode, OutputStream out)
      throws IOException {
    JsonAuditBytes.render(report, tool, exitCode, out);
  }

  private static void document(JsonGenerator g, AuditReport report, ToolInfo tool, int exitCode)
      throws IOException {
    g.setPrettyPrinter(new FastPrettyPrinter());
    g.writeStartObject();
    JsonParts.header(g, tool, "audit");
    g.writeArrayFieldStart("targets");
    Purls purls = new Purls();
    for (AuditReport.Target t : report.targets()) {
      target(g, t, report, purls);
    }
    g.writeEndArray();
    policy(g, report);
    summary(g, report, exitCode);
    g.writeEndObject();
  }

  /**
   * Package URLs by dependency occurrence: the findings of one dependency share its instance, and
   * building a purl (with the library's canonical escaping) costs more than writing it.
   */
  static final class Purls {
    private final Map<Dependency, String> byDependency = new IdentityHashMap<>();

    String of(Dependency d) {
      return byDependency.computeIfAbsent(d, Dependency::purl);
    }
  }

  private static void target(JsonGenerator g, AuditReport.Target t, AuditReport r, Purls purls)
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
      finding(g, f, r.failOn().fails(f), purls);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ignored");
    for (AuditReport.Ignored ig : t.ignored()) {
      g.writeStartObject();
      g.writeFieldName("finding");
      finding(g, ig.finding(), false, purls);
      g.writeFieldName("rule");
      ignoreRule(g, ig.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("dependencies");
    for (Dependency d : t.dependencies()) {
      dependency(g, d, purls);
    }
    g.writeEndArray();
    JsonParts.problems(g, "errors", t.problems());
    g.writeEndObject();
  }

  static void finding(JsonGenerator g, AuditFinding f, boolean fails) throws IOException {
    finding(g, f, fails, new Purls());
  }

  private static void finding(JsonGenerator g, AuditFinding f, boolean fails, Purls purls)
      throws IOException {
    Dependency d = f.dependency();
    g.writeStartObject();
    field(g, ID, f.id());
    strings(g, ALIASES, f.aliases());
    field(g, KIND, f.kind().jsonName());
    field(g, SEVERITY, f.severity().jsonName());
    if (f.cvssScore().isPresent()) {
      g.writeFieldName(CVSS_SCORE);
      g.writeNumber(f.cvssScore().getAsDouble());
    }
    field(g, SUMMARY, f.summary());
    g.writeFieldName(PACKAGE);
    g.writeStartObject();
    field(g, ECOSYSTEM, d.ecosystem().osvName());
    field(g, NAME, d.name());
    field(g, VERSION, d.version());
    field(g, PURL, purls.of(d));
    g.writeEndObject();
    strings(g, FIXED_VERSIONS, f.fixedVersions());
    strings(g, INTRODUCED_VIA, d.path());
    JsonParts.location(g, d.location());
    flag(g, DIRECT, d.direct());
    flag(g, DEV, d.dev());
    flag(g, UNPINNED, f.unpinned() || d.unpinned());
    flag(g, FAILS, fails);
    strings(g, REFERENCES, f.references());
    g.writeEndObject();
  }

  static void dependency(JsonGenerator g, Dependency d) throws IOException {
    dependency(g, d, new Purls());
  }

  private static void dependency(JsonGenerator g, Dependency d, Purls purls) throws IOException {
    g.writeStartObject();
    field(g, ECOSYSTEM, d.ecosystem().osvName());
    field(g, NAME, d.name());
    field(g, VERSION, d.version());
    field(g, PURL, purls.of(d));
    flag(g, DIRECT, d.direct());
    flag(g, DEV, d.dev());
    flag(g, OPTIONAL, d.optional());
    flag(g, UNPINNED, d.unpinned());
    field(g, SOURCE, d.source().jsonName());
    if (!d.resolved().isEmpty()) {
      field(g, RESOLVED, d.resolved());
    }
    if (!d.integrity().isEmpty()) {
      field(g, INTEGRITY, d.integrity());
    }
    JsonParts.location(g, d.location());
    strings(g, INTRODUCED_VIA, d.path());
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  private static void flag(JsonGenerator g, SerializableString name, boolean value) throws IOException {
    g.writeFieldName(name);
    g.writeBoolean(value);
  }

  private static void strings(JsonGenerator g, SerializableString name, java.util.List<String> values)
      throws IOException {
    g.writeFieldName(name);
    g.writeStartArray();
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
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
