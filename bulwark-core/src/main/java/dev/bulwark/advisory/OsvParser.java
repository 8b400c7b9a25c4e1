package dev.bulwark.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Reads one OSV record (schema 1.6 and earlier) into an {@link OsvRecord}. Only npm and PyPI
 * affected entries are kept; SEMVER and ECOSYSTEM ranges are kept, GIT ranges dropped.
 */
final class OsvParser {
  static final int MAX_LIST = 100_000;
  private static final int MAX_REFERENCES = 50;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(64)
                      .maxStringLength(4_000_000)
                      .maxNumberLength(100)
                      .build())
              .build());

  private OsvParser() {}

  /** Parses the JSON text of one record; {@code entry} names it in error messages. */
  static OsvRecord parse(byte[] json, String entry) throws AdvisoryException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AdvisoryException(entry + ": not valid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new AdvisoryException(entry + ": not a JSON object");
    }
    String id = text(root, "id");
    if (id.isEmpty() || id.length() > 200) {
      throw new AdvisoryException(entry + ": missing or overlong \"id\"");
    }
    String modified = text(root, "modified");
    if (modified.isEmpty()) {
      throw new AdvisoryException(entry + ": record " + id + " has no \"modified\" time");
    }
    List<OsvAffected> affected = new ArrayList<>();
    TreeSet<String> other = new TreeSet<>();
    List<String> vectors = new ArrayList<>(vectors(root.path("severity")));
    for (JsonNode a : limited(root.path("affected"))) {
      vectors.addAll(vectors(a.path("severity")));
      parseAffected(a, entry, id).ifPresentOrElse(affected::add, () -> other.add(ecosystemOf(a)));
    }
    String details = text(root, "details");
    AdvisoryKind kind = MaliciousMarkers.kindOf(id, text(root, "summary"), details, root);
    String summary = text(root, "summary");
    if (summary.isBlank()) {
      summary = firstSentence(details);
    }
    OptionalDouble score = highest(vectors);
    Severity severity = severityOf(kind, score, root.path("database_specific").path("severity"));
    return new OsvRecord(
        id, modified, text(root, "published"), text(root, "withdrawn"),
        strings(root.path("aliases")), strings(root.path("related")), summary, kind, severity,
        score, affected, references(root.path("references")), List.copyOf(other));
  }

  private static Optional<OsvAffected> parseAffected(JsonNode a, String entry, String id)
      throws AdvisoryException {
    Optional<Ecosystem> eco = Ecosystem.parse(ecosystemOf(a));
    if (eco.isEmpty()) {
      return Optional.empty();
    }
    String name = text(a.path("package"), "name");
    if (name.isEmpty() || name.length() > 512) {
      throw new AdvisoryException(entry + ": record " + id + " has an affected package without a name");
    }
    List<OsvRange> ranges = new ArrayList<>();
    List<JsonNode> written = limited(a.path("ranges"));
    for (JsonNode r : written) {
      String type = text(r, "type");
      if (type.equals(OsvRange.SEMVER) || type.equals(OsvRange.ECOSYSTEM)) {
        ranges.add(new OsvRange(type, events(r.path("events"), entry, id)));
      }
    }
    List<String> versions = strings(a.path("versions"));
    return Optional.of(
        new OsvAffected(
            eco.get(), PackageNames.normalize(eco.get(), name), ranges, versions,
            written.isEmpty() && versions.isEmpty()));
  }

  private static List<OsvEvent> events(JsonNode events, String entry, String id)
      throws AdvisoryException {
    List<OsvEvent> out = new ArrayList<>();
    for (JsonNode e : limited(events)) {
      OsvEvent ev = null;
      for (OsvEvent.Type t : OsvEvent.Type.values()) {
        if (e.path(t.osvName).isTextual()) {
          ev = new OsvEvent(t, e.path(t.osvName).asText().trim());
        }
      }
      if (ev == null || ev.version().isEmpty()) {
        throw new AdvisoryException(entry + ": record " + id + " has a range event without a version");
      }
      out.add(ev);
    }
    return out;
  }

  private static String ecosystemOf(JsonNode affected) {
    return text(affected.path("package"), "ecosystem");
  }

  private static List<String> vectors(JsonNode severity) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : limited(severity)) {
      String type = text(s, "type");
      if (type.equals("CVSS_V3") || type.equals("CVSS_V4")) {
        out.add(text(s, "score"));
      }
    }
    return out;
  }

  private static OptionalDouble highest(List<String> vectors) {
    OptionalDouble best = OptionalDouble.empty();
    for (String v : vectors) {
      OptionalDouble s = CvssScores.baseScore(v);
      if (s.isPresent() && (best.isEmpty() || s.getAsDouble() > best.getAsDouble())) {
        best = s;
      }
    }
    return best;
  }

  private static Severity severityOf(AdvisoryKind kind, OptionalDouble score, JsonNode dbSeverity) {
    if (kind == AdvisoryKind.MALICIOUS) {
      return Severity.CRITICAL;
    }
    if (score.isPresent() && score.getAsDouble() > 0) {
      return Severity.fromCvss(score.getAsDouble());
    }
    return dbSeverity.isTextual()
        ? Severity.parse(dbSeverity.asText()).orElse(Severity.UNKNOWN)
        : Severity.UNKNOWN;
  }

  private static List<String> references(JsonNode refs) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode r : limited(refs)) {
      String url = text(r, "url");
      if (!url.isEmpty() && url.length() <= 2048 && out.size() < MAX_REFERENCES) {
        out.add(url);
      }
    }
    return List.copyOf(out);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? v.asText().trim() : "";
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : limited(array)) {
      if (s.isTextual() && !s.asText().isBlank()) {
        out.add(s.asText().trim());
      }
    }
    return out;
  }

  /** The first {@link #MAX_LIST} items of an array; nothing for any other node. */
  private static List<JsonNode> limited(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode n : array) {
        if (out.size() >= MAX_LIST) {
          break;
        }
        out.add(n);
      }
    }
    return out;
  }

  private static String firstLine(String s) {
    String m = s == null ? "" : s;
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * A one-line summary from {@code details} when a record has none (PYSEC records often don't):
   * the first sentence, whitespace collapsed, at most 160 characters.
   */
  static String firstSentence(String details) {
    String d = details.strip().replace('\n', ' ').replace('\r', ' ');
    StringBuilder b = new StringBuilder();
    boolean space = false;
    // "An issue was discovered in X before Y." says little; keep the next sentence too.
    int sentences = d.startsWith("An issue was discovered") ? 2 : 1;
    for (int i = 0; i < d.length() && b.length() < 400; i++) {
      char c = d.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      b.append(c);
      if (c == '.' && i + 1 < d.length() && Character.isWhitespace(d.charAt(i + 1)) && b.length() > 20
          && --sentences == 0) {
        break;
      }
    }
    String s = b.toString();
    return s.length() > 240 ? s.substring(0, 239) + "…" : s;
  }
}
