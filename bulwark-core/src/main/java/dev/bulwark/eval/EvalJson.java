package dev.bulwark.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.eval.EvalReport.Baseline;
import dev.bulwark.eval.EvalReport.Throughput;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders a report as JSON. The tree is built by hand so that field names and order are fixed and
 * derived figures (rates, throughput) appear next to the counts they come from. Rates are
 * fractions (0.25 means 25 %), times are milliseconds, sizes are bytes.
 */
public final class EvalJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private EvalJson() {}

  public static void write(EvalReport r, Writer out) throws IOException {
    MAPPER.writeValue(out, tree(r));
    out.write('\n');
    out.flush();
  }

  static ObjectNode tree(EvalReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("startedAt", r.startedAt().toString());
    root.put("finishedAt", r.finishedAt().toString());
    root.put("threads", r.threads());
    root.set("overall", scores(r.overall()));
    ArrayNode eco = root.putArray("ecosystems");
    r.byEcosystem().forEach(s -> eco.add(scores(s)));
    ObjectNode speed = root.putObject("throughput");
    speed.set("malicious", throughput(r.malicious()));
    speed.set("benign", throughput(r.benign()));
    r.baseline().ifPresent(b -> speed.set("tarBaseline", baseline(b)));
    speed.put("peakHeapBytes", r.peakHeapBytes());
    ArrayNode rules = root.putArray("ruleHits");
    r.ruleHits().forEach(h -> rules.addObject()
        .put("rule", h.ruleId()).put("malicious", h.malicious()).put("benign", h.benign()));
    ArrayNode misses = root.putArray("misses");
    r.misses().forEach(m -> misses.addObject().put("id", m.id()).put("ecosystem", m.ecosystem())
        .put("verdict", m.verdict().jsonName()).put("topFinding", m.topFinding()));
    ArrayNode fps = root.putArray("falsePositives");
    r.falsePositives().forEach(f -> {
      ObjectNode n = fps.addObject().put("id", f.id()).put("ecosystem", f.ecosystem())
          .put("verdict", f.verdict().jsonName());
      f.topRules().forEach(n.putArray("topRules")::add);
    });
    ArrayNode errors = root.putArray("errors");
    r.errors().forEach(e -> errors.addObject().put("id", e.id()).put("message", e.message()));
    ArrayNode incomplete = root.putArray("incomplete");
    r.incomplete().forEach(e -> incomplete.addObject().put("id", e.id())
        .put("firstProblem", e.message()));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    ArrayNode samples = root.putArray("samples");
    r.samples().forEach(o -> samples.add(sample(o)));
    return root;
  }

  private static ObjectNode scores(Scores s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ecosystem", s.ecosystem())
        .put("malicious", s.malicious())
        .put("benign", s.benign())
        .put("detectedMalicious", s.detectedMalicious())
        .put("detectedSuspicious", s.detectedSuspicious())
        .put("falsePositivesMalicious", s.falsePositivesMalicious())
        .put("falsePositivesSuspicious", s.falsePositivesSuspicious())
        .put("recallAtMalicious", s.recallAtMalicious())
        .put("recallAtSuspicious", s.recallAtSuspicious())
        .put("falsePositiveRateAtMalicious", s.falsePositiveRateAtMalicious())
        .put("falsePositiveRateAtSuspicious", s.falsePositiveRateAtSuspicious())
        .put("precision", s.precision())
        .put("f1", s.f1())
        .put("maliciousErrors", s.maliciousErrors())
        .put("benignErrors", s.benignErrors())
        .put("incomplete", s.incomplete());
    return n;
  }

  private static ObjectNode throughput(Throughput t) {
    return MAPPER.createObjectNode()
        .put("packages", t.packages())
        .put("bytes", t.bytes())
        .put("wallMillis", t.wallNanos() / 1e6)
        .put("packagesPerSecond", t.packagesPerSecond())
        .put("megabytesPerSecond", t.megabytesPerSecond())
        .put("p50Millis", t.p50Nanos() / 1e6)
        .put("p99Millis", t.p99Nanos() / 1e6);
  }

  private static ObjectNode baseline(Baseline b) {
    return MAPPER.createObjectNode()
        .put("packages", b.packages())
        .put("bytes", b.bytes())
        .put("wallMillis", b.wallNanos() / 1e6)
        .put("packagesPerSecond", b.tarPackagesPerSecond())
        .put("megabytesPerSecond", b.tarMegabytesPerSecond())
        .put("tarMillisSum", b.tarNanos() / 1e6)
        .put("scanMillisSum", b.scanNanos() / 1e6)
        .put("scanToTarRatio", b.scanToTarRatio())
        .put("failures", b.failures());
  }

  private static ObjectNode sample(SampleOutcome o) {
    ObjectNode n = MAPPER.createObjectNode()
        .put("id", o.sample().id())
        .put("label", o.sample().label().name().toLowerCase(java.util.Locale.ROOT))
        .put("ecosystem", o.ecosystem())
        .put("verdict", o.failed() ? "error" : o.verdict().jsonName())
        .put("score", o.score())
        .put("millis", o.nanos() / 1e6)
        .put("bytes", o.bytes())
        .put("problems", o.problems());
    o.ruleIds().forEach(n.putArray("rules")::add);
    if (o.failed()) {
      n.put("error", o.error());
    }
    return n;
  }
}
