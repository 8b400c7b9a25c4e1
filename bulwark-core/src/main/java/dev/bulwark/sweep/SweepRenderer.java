package dev.bulwark.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** Writes a {@link SweepReport} for people (console) or programs (JSON). */
public final class SweepRenderer {
  public static final String COMPROMISED = "COMPROMISE INDICATORS FOUND";
  public static final String CLEAN = "NO KNOWN INDICATORS";

  private SweepRenderer() {}

  public static void console(SweepReport r, boolean quiet, PrintWriter out) {
    out.println(r.compromised() ? COMPROMISED : CLEAN);
    out.println();
    Indicator.Area last = null;
    for (Indicator i : r.indicators()) {
      if (quiet && !i.strong()) {
        continue;
      }
      if (i.area() != last) {
        out.println(i.area().name().charAt(0) + i.area().name().substring(1).toLowerCase(java.util.Locale.ROOT));
        last = i.area();
      }
      out.println("  " + (i.strong() ? "!! " : " ? ") + i.kind() + "  " + i.path()
          + i.mtime().map(m -> "  (modified " + m + ")").orElse(""));
      out.println("     " + i.detail());
      if (!i.family().isEmpty() || !i.source().isEmpty()) {
        out.println("     " + (i.family().isEmpty() ? "" : i.family() + "  ") + i.source());
      }
    }
    if (!quiet && !r.exposures().isEmpty()) {
      out.println();
      out.println("Secrets on this machine (they may have been stolen; values are never read into"
          + " this report)");
      for (Exposure e : r.exposures()) {
        out.println("  [" + e.secretClass() + "] " + e.what() + ": " + e.path());
      }
    }
    out.println();
    out.println("What to do");
    List<String> steps = r.remediation();
    int n = 0;
    for (String s : steps) {
      out.println(s.startsWith("  ") ? "     - " + s.strip() : String.format("  %d. %s", ++n, s));
    }
    if (!quiet) {
      out.println();
      SweepReport.Stats s = r.stats();
      out.println(String.format("Looked at %d entries and %d packages in %d ms; %d unreadable,"
          + " %d outside the allowed folders (skipped).", s.filesVisited(), s.packagesChecked(),
          s.millis(), s.unreadable(), s.refused()));
      for (String note : r.notes()) {
        out.println("note: " + note);
      }
    }
    out.flush();
  }

  public static void json(SweepReport r, int exitCode, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("verdict", r.compromised() ? "compromised" : "clean");
      g.writeNumberField("exitCode", exitCode);
      g.writeArrayFieldStart("indicators");
      for (Indicator i : r.indicators()) {
        g.writeStartObject();
        g.writeStringField("area", i.area().name().toLowerCase(java.util.Locale.ROOT));
        g.writeBooleanField("strong", i.strong());
        g.writeStringField("kind", i.kind());
        g.writeStringField("path", i.path());
        g.writeStringField("detail", i.detail());
        g.writeStringField("family", i.family());
        g.writeStringField("source", i.source());
        g.writeStringField("mtime", i.mtime().map(Object::toString).orElse(""));
        g.writeEndObject();
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
      g.writeArrayFieldStart("remediation");
      for (String s : r.remediation()) {
        g.writeString(s.strip());
      }
      g.writeEndArray();
      SweepReport.Stats s = r.stats();
      g.writeObjectFieldStart("stats");
      g.writeNumberField("filesVisited", s.filesVisited());
      g.writeNumberField("unreadable", s.unreadable());
      g.writeNumberField("refused", s.refused());
      g.writeNumberField("packagesChecked", s.packagesChecked());
      g.writeBooleanField("incomplete", s.incomplete());
      g.writeNumberField("millis", s.millis());
      g.writeEndObject();
      g.writeArrayFieldStart("notes");
      for (String n : r.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
    out.flush();
  }
}
