package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ModelExplanation;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.Verdict;
import dev.bulwark.scan.TargetResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/** Renders scan results as the JSON contract of docs/json-output.md. */
public final class JsonScanRenderer {
  private JsonScanRenderer() {}

  public static void render(List<TargetResult> targets, ToolInfo tool, RuleText.Source rules,
      int exitCode, Writer out) throws IOException {
    List<ScanResult> results = targets.stream().map(TargetResult::scan).toList();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      JsonParts.header(g, tool, "scan");
      g.writeArrayFieldStart("targets");
      for (TargetResult t : targets) {
        if (t instanceof TargetResult.Project p) {
          JsonProjectRenderer.target(g, p.project(), rules);
        } else {
          target(g, t.scan(), rules);
        }
      }
      g.writeEndArray();
      summary(g, results, exitCode);
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  /** Writes one scan target object (also used by project scans). */
  public static void target(JsonGenerator g, ScanResult r, RuleText.Source rules)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", r.kind());
    g.writeStringField("path", r.target());
    if (r.ecosystem().isPresent()) {
      g.writeStringField("ecosystem", r.ecosystem().get().osvName());
    }
    if (!r.name().isEmpty()) {
      g.writeStringField("name", r.name());
    }
    if (!r.version().isEmpty()) {
      g.writeStringField("version", r.version());
    }
    g.writeStringField("verdict", r.verdict().jsonName());
    g.writeNumberField("score", r.score());
    g.writeStringField("reason", r.reason());
    g.writeArrayFieldStart("findings");
    for (int i = 0; i < r.findings().size(); i++) {
      Finding f = r.findings().get(i);
      java.util.OptionalDouble c = r.model().applied() && i < r.model().contributions().size()
          ? java.util.OptionalDouble.of(r.model().contributions().get(i).contribution())
          : java.util.OptionalDouble.empty();
      finding(g, f, rules.find(f.ruleId()), c);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("skipped");
    for (Skipped s : r.skipped()) {
      g.writeStartObject();
      g.writeStringField("path", s.path());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonParts.problems(g, "errors", r.errors());
    g.writeObjectFieldStart("stats");
    g.writeNumberField("files", r.filesScanned());
    g.writeNumberField("bytes", r.bytesScanned());
    g.writeEndObject();
    if (r.model().applied()) {
      ModelExplanation m = r.model();
      g.writeObjectFieldStart("model");
      g.writeStringField("id", m.modelId());
      g.writeNumberField("probability", round(m.probability()));
      g.writeNumberField("logit", round(m.logit()));
      g.writeNumberField("bias", round(m.bias()));
      if (!m.forcedBy().isEmpty()) {
        g.writeStringField("forcedBy", m.forcedBy());
      }
      g.writeStringField("ruleVerdict", m.ruleVerdict().jsonName());
      g.writeNumberField("ruleScore", m.ruleScore());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Four decimals, so the output does not depend on floating-point noise. */
  static java.math.BigDecimal round(double d) {
    return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_EVEN);
  }

  static void finding(JsonGenerator g, Finding f, Optional<RuleText> text) throws IOException {
    finding(g, f, text, java.util.OptionalDouble.empty());
  }

  static void finding(JsonGenerator g, Finding f, Optional<RuleText> text,
      java.util.OptionalDouble contribution) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("category", f.category().jsonName());
    g.writeStringField("severity", f.severity().jsonName());
    g.writeStringField("confidence", f.confidence().jsonName());
    g.writeStringField("signal", f.threat() ? "threat" : "capability");
    JsonParts.location(g, f.location());
    g.writeStringField("message", f.message());
    g.writeStringField("snippet", f.snippet());
    if (!f.decoded().isEmpty()) {
      g.writeStringField("decoded", f.decoded());
    }
    if (contribution.isPresent()) {
      g.writeNumberField("contribution", round(contribution.getAsDouble()));
    }
    if (text.isPresent()) {
      RuleText t = text.get();
      g.writeStringField("title", t.title());
      g.writeObjectFieldStart("explanation");
      g.writeStringField("what", t.what());
      g.writeStringField("why", t.why());
      g.writeStringField("action", t.action());
      g.writeEndObject();
      JsonParts.strings(g, "references", t.references());
    }
    g.writeEndObject();
  }

  private static void summary(JsonGenerator g, List<ScanResult> results, int exitCode)
      throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("targets", results.size());
    for (Verdict v : Verdict.values()) {
      g.writeNumberField(v.jsonName(), results.stream().filter(r -> r.verdict() == v).count());
    }
    g.writeNumberField("findings", results.stream().mapToInt(r -> r.findings().size()).sum());
    g.writeNumberField("errors", results.stream().mapToInt(r -> r.errors().size()).sum());
    g.writeNumberField("exitCode", exitCode);
    g.writeEndObject();
  }
}
