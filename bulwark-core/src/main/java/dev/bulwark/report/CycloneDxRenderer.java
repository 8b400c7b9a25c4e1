package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Renders an audit as a CycloneDX 1.6 JSON BOM: the audited dependencies with purls and hashes,
 * the dependency graph, and the advisories as vulnerabilities. No timestamp, and a serial number
 * derived from the content, so the same audit gives the same bytes.
 */
public final class CycloneDxRenderer {
  static final String ROOT_REF = "bulwark:root";

  private CycloneDxRenderer() {}

  public static void render(ReportData.Audit data, Writer out) throws IOException {
    Bom bom = bom(data);
    try {
      out.write(BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(true));
    } catch (GeneratorException e) {
      throw new IOException("cannot write the CycloneDX BOM: " + e.getMessage(), e);
    }
    out.write('\n');
    out.flush();
  }

  static Bom bom(ReportData.Audit data) {
    Map<String, Dependency> deps = new TreeMap<>();
    for (AuditReport.Target t : data.report().targets()) {
      t.dependencies().forEach(d -> deps.putIfAbsent(d.purl(), d));
      t.findings().forEach(f -> deps.putIfAbsent(f.dependency().purl(), f.dependency()));
    }
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(
        String.join("\n", deps.keySet()).getBytes(StandardCharsets.UTF_8)));
    Metadata meta = new Metadata();
    meta.setTimestamp(null); // reproducible: the same audit gives the same bytes
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("bulwark");
    tool.setVersion(data.tool().version());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    meta.setToolChoice(tools);
    Component root = new Component();
    root.setType(Component.Type.APPLICATION);
    root.setBomRef(ROOT_REF);
    root.setName(rootName(data));
    meta.setComponent(root);
    bom.setMetadata(meta);
    for (Dependency d : deps.values()) {
      bom.addComponent(component(d));
    }
    bom.setDependencies(CycloneDxGraph.edges(deps.values(), ROOT_REF));
    List<Vulnerability> vulns = new ArrayList<>();
    for (AuditReport.Target t : data.report().targets()) {
      t.findings().forEach(f -> vulns.add(vulnerability(f, Optional.empty())));
      t.ignored().forEach(i -> vulns.add(vulnerability(i.finding(),
          Optional.of(i.rule().reason() + " (ignored until " + i.rule().expires() + ")"))));
    }
    bom.setVulnerabilities(vulns);
    return bom;
  }

  private static String rootName(ReportData.Audit data) {
    List<String> paths = data.report().targets().stream().map(AuditReport.Target::path).toList();
    return paths.isEmpty() ? "project" : String.join(", ", paths);
  }

  private static Component component(Dependency d) {
    Component c = new Component();
    c.setType(Component.Type.LIBRARY);
    c.setBomRef(d.purl());
    int slash = d.name().indexOf('/');
    if (d.name().startsWith("@") && slash > 0) {
      c.setGroup(d.name().substring(0, slash));
      c.setName(d.name().substring(slash + 1));
    } else {
      c.setName(d.name());
    }
    if (!d.version().isEmpty()) {
      c.setVersion(d.version());
    }
    c.setPurl(d.purl());
    if (d.dev()) {
      c.setScope(Component.Scope.OPTIONAL);
    }
    hash(d.integrity()).ifPresent(h -> c.setHashes(List.of(h)));
    return c;
  }

  /** Converts an npm SRI value ("sha512-BASE64") or a pip hash ("sha256:HEX") to a hash. */
  static Optional<Hash> hash(String integrity) {
    String first = firstToken(integrity.trim());
    int dash = first.indexOf('-');
    int colon = first.indexOf(':');
    try {
      if (dash > 0 && (colon < 0 || dash < colon)) {
        Optional<Hash.Algorithm> alg = algorithm(first.substring(0, dash));
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(first.substring(dash + 1)));
        return alg.map(a -> new Hash(a, hex));
      }
      if (colon > 0) {
        String hex = first.substring(colon + 1).toLowerCase(Locale.ROOT);
        HexFormat.of().parseHex(hex);
        return algorithm(first.substring(0, colon)).map(a -> new Hash(a, hex));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The first whitespace-separated token (SRI values may list several hashes). */
  private static String firstToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  private static Optional<Hash.Algorithm> algorithm(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sha1" -> Optional.of(Hash.Algorithm.SHA1);
      case "sha256" -> Optional.of(Hash.Algorithm.SHA_256);
      case "sha384" -> Optional.of(Hash.Algorithm.SHA_384);
      case "sha512" -> Optional.of(Hash.Algorithm.SHA_512);
      case "md5" -> Optional.of(Hash.Algorithm.MD5);
      default -> Optional.empty();
    };
  }

  private static Vulnerability vulnerability(AuditFinding f, Optional<String> ignoredBecause) {
    Vulnerability v = new Vulnerability();
    v.setBomRef("vuln:" + f.id() + ":" + f.dependency().purl());
    v.setId(f.id());
    Vulnerability.Source src = new Vulnerability.Source();
    src.setName(f.id().startsWith("GHSA-") ? "GitHub Advisory Database" : "OSV");
    src.setUrl("https://osv.dev/vulnerability/" + f.id());
    v.setSource(src);
    Vulnerability.Rating rating = new Vulnerability.Rating();
    rating.setSeverity(Vulnerability.Rating.Severity.fromString(f.severity().jsonName()));
    if (f.cvssScore().isPresent()) {
      rating.setScore(f.cvssScore().getAsDouble());
      rating.setMethod(Vulnerability.Rating.Method.CVSSV31);
    } else {
      rating.setMethod(Vulnerability.Rating.Method.OTHER);
    }
    v.setRatings(List.of(rating));
    v.setDescription(f.summary());
    if (f.kind() == AdvisoryKind.MALICIOUS) {
      v.setRecommendation("Remove the package; if it was installed, treat the machine as compromised.");
    } else if (!f.fixedVersions().isEmpty()) {
      v.setRecommendation("Upgrade to " + f.fixedVersions().get(0) + " or later.");
    }
    Vulnerability.Affect affect = new Vulnerability.Affect();
    affect.setRef(f.dependency().purl());
    v.setAffects(List.of(affect));
    Vulnerability.Analysis analysis = new Vulnerability.Analysis();
    if (ignoredBecause.isPresent()) {
      analysis.setState(Vulnerability.Analysis.State.EXPLOITABLE);
      analysis.setResponses(List.of(Vulnerability.Analysis.Response.WILL_NOT_FIX));
      analysis.setDetail(ignoredBecause.get());
    } else {
      analysis.setState(Vulnerability.Analysis.State.IN_TRIAGE);
    }
    v.setAnalysis(analysis);
    List<Vulnerability.Reference> aliases = new ArrayList<>();
    for (String alias : f.aliases()) {
      Vulnerability.Reference r = new Vulnerability.Reference();
      r.setId(alias);
      Vulnerability.Source s = new Vulnerability.Source();
      s.setName("OSV");
      s.setUrl("https://osv.dev/vulnerability/" + alias);
      r.setSource(s);
      aliases.add(r);
    }
    if (!aliases.isEmpty()) {
      v.setReferences(aliases);
    }
    for (String url : f.references()) {
      if (Issue.isWebLink(url)) {
        Vulnerability.Advisory a = new Vulnerability.Advisory();
        a.setUrl(url);
        v.addAdvisory(a);
      }
    }
    return v;
  }
}
