package dev.bulwark.eval.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The findings of each scanned sample, one JSON line per sample, in a file named after the engine
 * fingerprint: retraining after a change of the model or its features does not rescan, a change of
 * the engine or rules does. Only what the features and the rule-only verdict need is kept (the
 * snippet only of install-hook findings, no messages).
 */
final class FindingsCache implements AutoCloseable {
  private final ObjectMapper om = new ObjectMapper();
  private final Map<String, Optional<List<Finding>>> entries = new ConcurrentHashMap<>();
  private final BufferedWriter out;

  FindingsCache(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        try {
          JsonNode n = om.readTree(line);
          entries.put(n.get("id").asText(), n.has("error") ? Optional.empty() : Optional.of(findings(n.get("f"))));
        } catch (IOException | RuntimeException e) {
          // A line cut short by an interrupted run: that sample is scanned again.
        }
      }
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The cached findings, empty inside when the sample failed; absent when not cached. */
  Optional<Optional<List<Finding>>> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  synchronized void put(String id, Optional<List<Finding>> findings) throws IOException {
    entries.put(id, findings);
    ObjectNode n = om.createObjectNode();
    n.put("id", id);
    if (findings.isEmpty()) {
      n.put("error", true);
    } else {
      ArrayNode a = n.putArray("f");
      for (Finding f : findings.get()) {
        ArrayNode x = a.addArray();
        x.add(f.ruleId()).add(f.category().name()).add(f.severity().name()).add(f.confidence().name())
            .add(f.threat()).add(f.location().file()).add(f.location().line()).add(f.location().column())
            .add(f.category() == Category.INSTALL_HOOK ? f.snippet() : "");
      }
    }
    out.write(om.writeValueAsString(n));
    out.newLine();
    out.flush();
  }

  private static List<Finding> findings(JsonNode a) {
    List<Finding> out = new ArrayList<>();
    for (JsonNode x : a) {
      out.add(new Finding(x.get(0).asText(), Category.valueOf(x.get(1).asText()),
          Severity.valueOf(x.get(2).asText()), Confidence.valueOf(x.get(3).asText()), x.get(4).asBoolean(),
          new SourceLocation(x.get(5).asText(), x.get(6).asInt(), x.get(7).asInt()), x.get(8).asText(), "", ""));
    }
    out.sort(null);
    return out;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
