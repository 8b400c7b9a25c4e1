package dev.bulwark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Severity;
import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.SweepReport;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a report as SARIF 2.1.0: one run per invocation, one rule per rule or advisory id, one
 * result per issue. Fingerprints hash the rule, the file and the whitespace-normalised snippet,
 * never the line, so they survive code moving up or down.
 */
public final class SarifRenderer {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT = "bulwarkFingerprint/v1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifRenderer() {}

  public static void render(ReportData data, Writer out) throws IOException {
    List<Issue> issues = Issues.of(data);
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Bulwark");
    driver.put("version", data.tool().version());
    Map<String, Issue> rules = new TreeMap<>();
    issues.forEach(i -> rules.putIfAbsent(i.ruleId(), i));
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode ruleArray = driver.putArray("rules");
    for (Issue i : rules.values()) {
      ruleIndex.put(i.ruleId(), ruleIndex.size());
      rule(ruleArray.addObject(), i);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", data.exitCode() <= 1);
    invocation.put("exitCode", data.exitCode());
    SarifArtifacts artifacts = new SarifArtifacts(issues);
    artifacts.write(run.putArray("artifacts"));
    ArrayNode results = run.putArray("results");
    for (Issue i : issues) {
      result(results.addObject(), i, ruleIndex.get(i.ruleId()), artifacts.indexOf(i.uri()));
    }
    ObjectNode props = run.putObject("properties");
    if (data instanceof ReportData.Sweep w) {
      props.put("command", "sweep");
      sweepProperties(props, w.report());
    } else {
      props.put("command", data instanceof ReportData.Audit ? "audit" : "scan");
    }
    JSON.writeValue(new NonClosing(out), root);
    out.write('\n');
    out.flush();
  }

  /** The verdict, the secrets present (paths only) and the checklist, in the run's bag. */
  private static void sweepProperties(ObjectNode props, SweepReport r) {
    props.put("verdict", r.verdict());
    ArrayNode exposures = props.putArray("exposures");
    for (Exposure e : r.exposures()) {
      ObjectNode x = exposures.addObject();
      x.put("class", e.secretClass());
      x.put("priority", e.priority());
      x.put("path", Safe.text(e.path()));
      x.put("what", Safe.text(e.what()));
      x.put("rotate", e.rotate());
    }
    ArrayNode steps = props.putArray("remediation");
    r.remediation().forEach(s -> steps.add(s.strip()));
  }

  private static void rule(ObjectNode r, Issue i) {
    r.put("id", i.ruleId());
    r.putObject("shortDescription").put("text", i.title());
    r.putObject("fullDescription").put("text", i.what().isEmpty() ? i.title() : i.what());
    ObjectNode help = r.putObject("help");
    help.put("text", join(" ", i.what(), i.why(), i.action()));
    help.put("markdown", helpMarkdown(i));
    r.putObject("defaultConfiguration").put("level", level(i.severity()));
    ObjectNode props = r.putObject("properties");
    ArrayNode tags = props.putArray("tags");
    tags.add("security");
    tags.add(i.category());
    i.attackIds().forEach(tags::add);
    props.put("security-severity", securitySeverity(i.severity()));
    if (!sweep(i)) {
      i.links().stream().findFirst().ifPresent(u -> r.put("helpUri", u));
    }
  }

  /** Sweep evidence: its references are where each occurrence was published, not the rule's. */
  private static boolean sweep(Issue i) {
    return i.ruleId().startsWith(SweepIssues.RULE_PREFIX);
  }

  private static void result(ObjectNode r, Issue i, int index, int artifactIndex) {
    r.put("ruleId", i.ruleId());
    r.put("ruleIndex", index);
    r.put("level", level(i.severity()));
    r.putObject("message").put("text", i.message().isEmpty() ? i.title() : i.message());
    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(i.uri()));
    if (!i.uri().startsWith("/")) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    artifact.put("index", artifactIndex);
    if (i.location().line() > 0) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", i.location().line());
      if (i.location().column() > 0) {
        region.put("startColumn", i.location().column());
      }
      if (!i.snippet().isEmpty() && !i.category().endsWith("-package")
          && !i.category().equals("vulnerable-dependency")) {
        region.putObject("snippet").put("text", Safe.text(i.snippet()));
      }
    }
    r.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(i));
    ObjectNode props = r.putObject("properties");
    props.put("severity", i.severity().jsonName());
    props.put("category", i.category());
    props.put("signal", i.threat() ? "threat" : "capability");
    props.put("target", i.target());
    props.put("fails", i.fails());
    if (!i.decoded().isEmpty()) {
      props.put("decoded", Safe.text(i.decoded()));
    }
    if (sweep(i) && !i.references().isEmpty()) {
      props.put("source", String.join(" ", i.references()));
    }
  }

  static String helpMarkdown(Issue i) {
    StringBuilder b = new StringBuilder();
    HtmlFindings.Labels l = sweep(i) ? HtmlFindings.EVIDENCE : HtmlFindings.FINDINGS;
    b.append("**").append(Safe.markdown(i.title())).append("**\n\n");
    if (!i.what().isEmpty()) {
      b.append("**").append(l.what()).append(".** ").append(Safe.markdown(i.what()))
          .append("\n\n");
    }
    if (!i.why().isEmpty()) {
      b.append("**").append(l.why()).append(".** ").append(Safe.markdown(i.why())).append("\n\n");
    }
    if (!i.action().isEmpty()) {
      b.append("**").append(l.action()).append(".** ").append(Safe.markdown(i.action()))
          .append("\n\n");
    }
    if (!i.references().isEmpty() && !sweep(i)) {
      b.append("**References**\n\n");
      for (String ref : i.references()) {
        b.append("- ").append(Issue.isWebLink(ref) ? "<" + ref + ">" : Safe.markdown(ref))
            .append('\n');
      }
    }
    return b.toString().strip();
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, UNKNOWN -> "note";
    };
  }

  /** The 0-10 number code-scanning tools use to rank security results. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case UNKNOWN -> "0.0";
    };
  }

  static String fingerprint(Issue i) {
    String basis = i.snippet().isEmpty() ? i.message() : i.snippet();
    String normal = Safe.collapseWhitespace(basis);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest((i.ruleId() + "\u0000" + i.uri() + "\u0000" + normal)
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Percent-encodes a path (spaces, non-ASCII) while keeping {@code /} and {@code !}. */
  static String uri(String path) {
    try {
      if (path.startsWith("/")) {
        return new URI("file", "", path, null).toASCIIString();
      }
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path.replace(" ", "%20");
    }
  }

  private static String join(String sep, String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (!p.isEmpty()) {
        b.append(b.length() == 0 ? "" : sep).append(p);
      }
    }
    return b.toString();
  }

  /** Keeps Jackson from closing the caller's writer. */
  static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
