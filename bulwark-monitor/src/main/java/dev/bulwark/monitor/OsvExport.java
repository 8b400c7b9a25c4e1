package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Malicious verdicts as OSV records, one {@code <ID>.json} per version in a folder that
 * {@code bulwark db import} reads. Ids are in Bulwark's own namespace, {@code BULWARK-MAL-}
 * followed by 16 hex digits of the SHA-256 of {@code ecosystem:name@version}: stable across runs,
 * so a re-export replaces rather than adds.
 */
public final class OsvExport {
  public static final String PREFIX = "BULWARK-MAL-";
  private static final ObjectMapper M = new ObjectMapper();

  private OsvExport() {}

  public static String id(VersionKey k) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(
          (k.ecosystem().osvName() + ":" + k.name() + "@" + k.version())
              .getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(d, 0, 8).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One OSV record (schema 1.6) for a malicious verdict. */
  public static ObjectNode record(VerdictRecord r) {
    ObjectNode n = M.createObjectNode();
    VersionKey k = r.key();
    n.put("schema_version", "1.6.0");
    n.put("id", id(k));
    n.put("modified", r.judged().toString());
    n.put("published", r.judged().toString());
    n.put("summary", "Malicious code in " + k.name() + " (" + k.ecosystem().osvName() + ")");
    StringBuilder details = new StringBuilder("This package contains malicious code: Bulwark's"
        + " registry monitor judged version " + k.version() + " malicious. " + r.reason());
    List<VerdictFinding> threats = r.findings().stream()
        .filter(f -> f.severity().equals("critical") || f.severity().equals("high")).limit(10)
        .toList();
    for (VerdictFinding f : threats) {
      details.append("\n- ").append(f.ruleId()).append(": ").append(f.message());
    }
    n.put("details", details.toString());
    ArrayNode affected = n.putArray("affected");
    ObjectNode a = affected.addObject();
    ObjectNode pkg = a.putObject("package");
    pkg.put("ecosystem", k.ecosystem().osvName());
    pkg.put("name", k.name());
    a.putArray("versions").add(k.version());
    ObjectNode ds = n.putObject("database_specific").putObject("bulwark-monitor");
    ds.put("score", r.score());
    ds.put("artifact_hash", r.artifactHash());
    ds.put("artifact_url", r.event().artifactUrl());
    ds.put("published", r.event().published().toString());
    return n;
  }

  /** Writes the records into {@code dir}; returns how many were written. */
  public static int write(List<VerdictRecord> verdicts, Path dir) throws IOException {
    Files.createDirectories(dir);
    int n = 0;
    for (VerdictRecord r : verdicts) {
      if (r.verdict() != MonitorVerdict.MALICIOUS) {
        continue;
      }
      ObjectNode rec = record(r);
      Path out = dir.resolve(rec.path("id").asText() + ".json");
      Path tmp = dir.resolve(rec.path("id").asText() + ".json.tmp");
      Files.writeString(tmp, M.writerWithDefaultPrettyPrinter().writeValueAsString(rec) + "\n");
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      n++;
    }
    return n;
  }
}
