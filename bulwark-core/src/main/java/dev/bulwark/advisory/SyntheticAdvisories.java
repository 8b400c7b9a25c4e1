package dev.bulwark.advisory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates synthetic OSV records shaped like real ones (GHSA-style ids with CVE aliases, CVSS
 * vectors, several introduced/fixed pairs, versions lists, references, a paragraph of details),
 * for import-throughput benchmarks. The same seed gives the same records. Not used by tests.
 */
public final class SyntheticAdvisories {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
  private static final List<String> VECTORS = List.of(
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
      "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N");
  private static final String DETAILS =
      "A flaw in the request parser allows a remote attacker to craft input that is processed"
          + " without validation, leading to resource exhaustion or code execution in the host"
          + " application. Applications that pass untrusted input to the affected function are"
          + " at risk. Upgrade to a fixed version; no workaround is known. ";

  private SyntheticAdvisories() {}

  /**
   * Writes {@code n} records: into a zip archive when {@code target} ends in ".zip" (one
   * {@code <id>.json} entry each, as OSV publishes), else as files in the folder {@code target}.
   */
  public static void write(Path target, int n, long seed) throws IOException {
    write(target, n, seed, 0);
  }

  /**
   * As {@link #write(Path, int, long)}; with {@code denseNames > 0} every record is an npm record
   * of the name "synthetic-js-(i mod denseNames)", so each of those names gets n / denseNames
   * advisories (the dense worst case of the audit benchmark).
   */
  public static void write(Path target, int n, long seed, int denseNames) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int packages = denseNames > 0 ? -denseNames : Math.max(1, n / 4);
    if (target.getFileName().toString().endsWith(".zip")) {
      try (OutputStream os = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(os)) {
        for (int i = 0; i < n; i++) {
          ObjectNode r = record(i, rnd, packages);
          zip.putNextEntry(new ZipEntry(r.path("id").asText() + ".json"));
          zip.write(WRITER.writeValueAsBytes(r));
          zip.closeEntry();
        }
      }
      return;
    }
    Files.createDirectories(target);
    for (int i = 0; i < n; i++) {
      ObjectNode r = record(i, rnd, packages);
      Files.write(target.resolve(r.path("id").asText() + ".json"),
          WRITER.writeValueAsBytes(r));
    }
  }

  private static ObjectNode record(int i, SplittableRandom rnd, int packages) {
    boolean dense = packages < 0;
    boolean npm = rnd.nextBoolean() || dense;
    ObjectNode r = MAPPER.createObjectNode();
    r.put("schema_version", "1.6.0");
    r.put("id", String.format("GHSA-%04x-%04x-%04x", i >>> 16 & 0xffff, i & 0xffff, rnd.nextInt(0x10000)));
    r.put("modified", String.format("2024-%02d-%02dT10:00:00Z", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
    r.put("published", "2023-06-01T00:00:00Z");
    r.putArray("aliases").add(String.format("CVE-20%02d-%05d", 15 + rnd.nextInt(10), i % 100_000));
    r.put("summary", "Synthetic issue " + i + " in request parsing");
    r.put("details", DETAILS.repeat(1 + rnd.nextInt(3)));
    String vector = VECTORS.get(rnd.nextInt(VECTORS.size()));
    r.putArray("severity").addObject()
        .put("type", vector.startsWith("CVSS:4") ? "CVSS_V4" : "CVSS_V3").put("score", vector);
    ObjectNode a = r.putArray("affected").addObject();
    String name = (npm ? "synthetic-js-" : "synthetic_py.")
        + (dense ? i % -packages : rnd.nextInt(packages));
    a.putObject("package").put("ecosystem", npm ? "npm" : "PyPI").put("name", name);
    ArrayNode events = a.putArray("ranges").addObject().put("type", npm ? "SEMVER" : "ECOSYSTEM").putArray("events");
    ArrayNode versions = a.putArray("versions");
    int major = rnd.nextInt(5);
    for (int pair = 0; pair < 1 + rnd.nextInt(3); pair++, major++) {
      events.addObject().put("introduced", pair == 0 && rnd.nextBoolean() ? "0" : major + ".0.0");
      int fixedMinor = 1 + rnd.nextInt(9);
      events.addObject().put("fixed", major + "." + fixedMinor + ".0");
      for (int m = 0; m < fixedMinor; m++) {
        versions.add(major + "." + m + ".0");
      }
    }
    ArrayNode refs = r.putArray("references");
    refs.addObject().put("type", "ADVISORY").put("url", "https://example.invalid/advisories/" + r.path("id").asText());
    refs.addObject().put("type", "FIX").put("url", "https://example.invalid/commit/" + Long.toHexString(rnd.nextLong()));
    r.putObject("database_specific").put("severity", List.of("LOW", "MODERATE", "HIGH", "CRITICAL").get(rnd.nextInt(4)));
    return r;
  }
}
