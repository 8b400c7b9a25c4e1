package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Ecosystem;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wire form of queue messages and verdicts (SQLite rows, Kafka messages): plain JSON, one
 * object each, stable field names. Written by hand on Jackson's tree model so that no record
 * needs annotations and {@link Instant}s stay RFC 3339 strings.
 */
public final class MonitorJson {
  private static final ObjectMapper M = new ObjectMapper();

  private MonitorJson() {}

  /** A message could not be decoded. */
  public static final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static String event(VersionEvent e) {
    return eventNode(e).toString();
  }

  public static VersionEvent event(String json) throws DecodeException {
    try {
      return event(M.readTree(json));
    } catch (IOException | RuntimeException e) {
      throw new DecodeException("bad version event: " + e.getMessage(), e);
    }
  }

  public static String verdict(VerdictRecord r) {
    ObjectNode n = M.createObjectNode();
    n.set("event", eventNode(r.event()));
    n.put("artifactHash", r.artifactHash());
    n.put("verdict", r.verdict().jsonName());
    n.put("reason", r.reason());
    n.put("score", r.score());
    n.set("findings", findings(r.findings()));
    ArrayNode t = n.putArray("traits");
    r.traits().forEach(t::add);
    n.put("judged", r.judged().toString());
    return n.toString();
  }

  public static VerdictRecord verdict(String json) throws DecodeException {
    try {
      JsonNode n = M.readTree(json);
      Set<String> traits = new TreeSet<>();
      n.path("traits").forEach(x -> traits.add(x.asText()));
      return new VerdictRecord(event(n.path("event")), n.path("artifactHash").asText(),
          MonitorVerdict.parse(n.path("verdict").asText())
              .orElseThrow(() -> new IllegalArgumentException("unknown verdict")),
          n.path("reason").asText(), n.path("score").asInt(), findings(n.path("findings")),
          traits, Instant.parse(n.path("judged").asText()));
    } catch (IOException | RuntimeException e) {
      throw new DecodeException("bad verdict: " + e.getMessage(), e);
    }
  }

  public static String findingsJson(List<VerdictFinding> fs) {
    return findings(fs).toString();
  }

  public static List<VerdictFinding> findingsJson(String json) throws DecodeException {
    try {
      return findings(M.readTree(json));
    } catch (IOException | RuntimeException e) {
      throw new DecodeException("bad findings: " + e.getMessage(), e);
    }
  }

  static ArrayNode findings(List<VerdictFinding> fs) {
    ArrayNode a = M.createArrayNode();
    for (VerdictFinding f : fs) {
      ObjectNode o = a.addObject();
      o.put("ruleId", f.ruleId());
      o.put("severity", f.severity());
      o.put("file", f.file());
      o.put("line", f.line());
      o.put("message", f.message());
    }
    return a;
  }

  private static List<VerdictFinding> findings(JsonNode a) {
    List<VerdictFinding> out = new ArrayList<>();
    for (JsonNode o : a) {
      out.add(new VerdictFinding(o.path("ruleId").asText(), o.path("severity").asText(),
          o.path("file").asText(), o.path("line").asInt(), o.path("message").asText()));
    }
    return out;
  }

  private static ObjectNode eventNode(VersionEvent e) {
    ObjectNode n = M.createObjectNode();
    n.put("ecosystem", e.key().ecosystem().osvName());
    n.put("name", e.key().name());
    n.put("version", e.key().version());
    n.put("artifactUrl", e.artifactUrl());
    n.put("hash", e.expected().key());
    n.put("published", e.published().toString());
    n.put("feed", e.feed());
    n.put("position", e.position());
    return n;
  }

  private static VersionEvent event(JsonNode n) {
    Ecosystem eco = Ecosystem.parse(n.path("ecosystem").asText())
        .orElseThrow(() -> new IllegalArgumentException("unknown ecosystem"));
    ArtifactHash h = ArtifactHash.parseKey(n.path("hash").asText()).orElse(ArtifactHash.none());
    Instant published;
    try {
      published = Instant.parse(n.path("published").asText());
    } catch (DateTimeParseException e) {
      published = Instant.EPOCH;
    }
    return new VersionEvent(new VersionKey(eco, n.path("name").asText(), n.path("version").asText()),
        n.path("artifactUrl").asText(), h, published, n.path("feed").asText(),
        n.path("position").asText());
  }
}
