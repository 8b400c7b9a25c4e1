package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.Indicator;
import dev.bulwark.sweep.IndicatorText;
import dev.bulwark.sweep.SweepReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Renders a sweep as JSON (docs/sweep.md; schema in docs/bulwark-output.schema.json). */
final class JsonSweepRenderer {
  private JsonSweepRenderer() {}

  static void render(ReportData.Sweep s, Writer out) throws IOException {
    SweepReport r = s.report();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      JsonParts.header(g, s.tool(), "sweep");
      g.writeStringField("verdict", r.verdict());
      g.writeNumberField("exitCode", s.exitCode());
      g.writeStringField("home", r.home());
      g.writeStringField("root", r.root());
      g.writeArrayFieldStart("indicators");
      for (Indicator i : r.indicators()) {
        indicator(g, i);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("exposures");
      for (Exposure e : r.exposures()) {
        g.writeStartObject();
        g.writeStringField("class", e.secretClass());
        g.writeNumberField("priority", e.priority());
        g.writeStringField("path", e.path());
        g.writeStringField("what", e.what());
        g.writeStringField("rotate", e.rotate());
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonParts.strings(g, "remediation", r.remediation().stream().map(String::strip).toList());
      stats(g, r.stats());
      JsonParts.strings(g, "notes", r.notes());
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void indicator(JsonGenerator g, Indicator i) throws IOException {
    g.writeStartObject();
    g.writeStringField("area", i.area().name().toLowerCase(Locale.ROOT));
    g.writeBooleanField("strong", i.strong());
    g.writeStringField("grade", i.grade().jsonName());
    g.writeStringField("kind", i.kind());
    g.writeStringField("path", i.path());
    g.writeStringField("detail", i.detail());
    g.writeStringField("family", i.family());
    g.writeStringField("source", i.source());
    g.writeStringField("mtime", i.mtime().map(Object::toString).orElse(""));
    g.writeStringField("action", IndicatorText.action(i));
    g.writeEndObject();
  }

  private static void stats(JsonGenerator g, SweepReport.Stats s) throws IOException {
    g.writeObjectFieldStart("stats");
    g.writeNumberField("filesVisited", s.filesVisited());
    g.writeNumberField("unreadable", s.unreadable());
    g.writeNumberField("refused", s.refused());
    g.writeNumberField("packagesChecked", s.packagesChecked());
    g.writeBooleanField("incomplete", s.incomplete());
    g.writeNumberField("millis", s.millis());
    g.writeEndObject();
  }
}
