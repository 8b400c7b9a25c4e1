package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.policy.IgnoreRule;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of an audit written with {@link PrettyJsonBytes}: field for field what
 * {@link JsonAuditRenderer} writes through Jackson's generator (the reference, which
 * {@code ByteReportTest} compares it with on every fixture), about three times faster on a dense
 * audit. The parts of a finding that come from its dependency (the package object, and the path,
 * location and flags) are written once per dependency and copied for its other findings.
 */
final class JsonAuditBytes {
  private static final PrettyJsonBytes.Name TOOL = name("tool");
  private static final PrettyJsonBytes.Name VERSION = name("version");
  private static final PrettyJsonBytes.Name SCHEMA_VERSION = name("schemaVersion");
  private static final PrettyJsonBytes.Name COMMAND = name("command");
  private static final PrettyJsonBytes.Name DATABASE = name("database");
  private static final PrettyJsonBytes.Name AGE = name("age");
  private static final PrettyJsonBytes.Name TARGETS = name("targets");
  private static final PrettyJsonBytes.Name PATH = name("path");
  private static final PrettyJsonBytes.Name FILES = name("files");
  private static final PrettyJsonBytes.Name FORMAT = name("format");
  private static final PrettyJsonBytes.Name DEPENDENCIES = name("dependencies");
  private static final PrettyJsonBytes.Name SOURCES = name("sources");
  private static final PrettyJsonBytes.Name URL = name("url");
  private static final PrettyJsonBytes.Name FINDINGS = name("findings");
  private static final PrettyJsonBytes.Name IGNORED = name("ignored");
  private static final PrettyJsonBytes.Name FINDING = name("finding");
  private static final PrettyJsonBytes.Name RULE = name("rule");
  private static final PrettyJsonBytes.Name ERRORS = name("errors");
  private static final PrettyJsonBytes.Name CODE = name("code");
  private static final PrettyJsonBytes.Name MESSAGE = name("message");
  private static final PrettyJsonBytes.Name ID = name("id");
  private static final PrettyJsonBytes.Name ALIASES = name("aliases");
  private static final PrettyJsonBytes.Name KIND = name("kind");
  private static final PrettyJsonBytes.Name SEVERITY = name("severity");
  private static final PrettyJsonBytes.Name CVSS_SCORE = name("cvssScore");
  private static final PrettyJsonBytes.Name SUMMARY = name("summary");
  private static final PrettyJsonBytes.Name PACKAGE = name("package");
  private static final PrettyJsonBytes.Name ECOSYSTEM = name("ecosystem");
  private static final PrettyJsonBytes.Name NAME = name("name");
  private static final PrettyJsonBytes.Name PURL = name("purl");
  private static final PrettyJsonBytes.Name FIXED_VERSIONS = name("fixedVersions");
  private static final PrettyJsonBytes.Name INTRODUCED_VIA = name("introducedVia");
  private static final PrettyJsonBytes.Name LOCATION = name("location");
  private static final PrettyJsonBytes.Name FILE = name("file");
  private static final PrettyJsonBytes.Name LINE = name("line");
  private static final PrettyJsonBytes.Name COLUMN = name("column");
  private static final PrettyJsonBytes.Name DIRECT = name("direct");
  private static final PrettyJsonBytes.Name DEV = name("dev");
  private static final PrettyJsonBytes.Name OPTIONAL = name("optional");
  private static final PrettyJsonBytes.Name UNPINNED = name("unpinned");
  private static final PrettyJsonBytes.Name FAILS = name("fails");
  private static final PrettyJsonBytes.Name REFERENCES = name("references");
  private static final PrettyJsonBytes.Name SOURCE = name("source");
  private static final PrettyJsonBytes.Name RESOLVED = name("resolved");
  private static final PrettyJsonBytes.Name INTEGRITY = name("integrity");
  private static final PrettyJsonBytes.Name POLICY = name("policy");
  private static final PrettyJsonBytes.Name FAIL_ON = name("failOn");
  private static final PrettyJsonBytes.Name INCLUDE_DEV = name("includeDev");
  private static final PrettyJsonBytes.Name EXPIRED_IGNORES = name("expiredIgnores");
  private static final PrettyJsonBytes.Name UNUSED_IGNORES = name("unusedIgnores");
  private static final PrettyJsonBytes.Name REASON = name("reason");
  private static final PrettyJsonBytes.Name EXPIRES = name("expires");
  private static final PrettyJsonBytes.Name SUMMARY_OBJECT = SUMMARY;
  private static final PrettyJsonBytes.Name MALICIOUS = name("malicious");
  private static final PrettyJsonBytes.Name VULNERABILITIES = name("vulnerabilities");
  private static final PrettyJsonBytes.Name BY_SEVERITY = name("bySeverity");
  private static final PrettyJsonBytes.Name FAILING = name("failing");
  private static final PrettyJsonBytes.Name EXIT_CODE = name("exitCode");
  private static final Map<Severity, PrettyJsonBytes.Name> SEVERITY_NAMES = new EnumMap<>(Severity.class);

  static {
    for (Severity s : Severity.values()) {
      SEVERITY_NAMES.put(s, name(s.jsonName()));
    }
  }

  private final PrettyJsonBytes g;
  /** Per dependency occurrence: its purl, and its two parts of a finding once written. */
  private final Map<Dependency, DependencyParts> parts = new IdentityHashMap<>();

  private JsonAuditBytes(OutputStream out) {
    this.g = new PrettyJsonBytes(out);
  }

  private static PrettyJsonBytes.Name name(String s) {
    return new PrettyJsonBytes.Name(s);
  }

  private static final class DependencyParts {
    final String purl;
    byte[] pkg;
    byte[] tail;

    DependencyParts(String purl) {
      this.purl = purl;
    }
  }

  /** Writes the report as UTF-8 and flushes {@code out}; leaves it open. */
  static void render(AuditReport report, ToolInfo tool, int exitCode, OutputStream out) throws IOException {
    new JsonAuditBytes(out).document(report, tool, exitCode);
  }

  private void document(AuditReport report, ToolInfo tool, int exitCode) throws IOException {
    g.startObject();
    g.string(TOOL, "bulwark");
    g.string(VERSION, tool.version());
    g.string(SCHEMA_VERSION, ToolInfo.SCHEMA_VERSION);
    g.string(COMMAND, "audit");
    if (!tool.databaseSource().isEmpty()) {
      g.field(DATABASE);
      g.startObject();
      g.string(SOURCE, tool.databaseSource());
      g.string(AGE, tool.databaseAge());
      g.endObject();
    }
    g.field(TARGETS);
    g.startArray();
    for (AuditReport.Target t : report.targets()) {
      target(t, report);
    }
    g.endArray();
    policy(report);
    summary(report, exitCode);
    g.endObject();
    g.flush();
  }

  private DependencyParts parts(Dependency d) {
    return parts.computeIfAbsent(d, x -> new DependencyParts(x.purl()));
  }

  private void target(AuditReport.Target t, AuditReport r) throws IOException {
    g.startObject();
    g.string(KIND, "audit");
    g.string(PATH, t.path());
    g.field(FILES);
    g.startArray();
    for (Inventory i : t.inventories()) {
      g.startObject();
      g.string(FILE, i.file());
      g.string(FORMAT, i.format());
      g.string(ECOSYSTEM, i.ecosystem().osvName());
      g.number(DEPENDENCIES, i.dependencies().size());
      g.endObject();
    }
    g.endArray();
    g.field(SOURCES);
    g.startArray();
    for (Inventory i : t.inventories()) {
      for (PackageSourceConfig s : i.sources()) {
        g.startObject();
        g.string(KIND, s.kind());
        g.string(URL, s.url());
        location(s.location());
        g.endObject();
      }
    }
    g.endArray();
    g.field(FINDINGS);
    g.startArray();
    for (AuditFinding f : t.findings()) {
      finding(f, r.failOn().fails(f), true);
    }
    g.endArray();
    g.field(IGNORED);
    g.startArray();
    for (AuditReport.Ignored ig : t.ignored()) {
      g.startObject();
      g.field(FINDING);
      finding(ig.finding(), false, false); // deeper: the copied parts would be indented wrongly
      g.field(RULE);
      ignoreRule(ig.rule());
      g.endObject();
    }
    g.endArray();
    g.field(DEPENDENCIES);
    g.startArray();
    for (Dependency d : t.dependencies()) {
      dependency(d);
    }
    g.endArray();
    problems(ERRORS, t.problems());
    g.endObject();
  }

  /** {@code copy}: only for the findings list, where every finding is at the same depth. */
  private void finding(AuditFinding f, boolean fails, boolean copy) throws IOException {
    Dependency d = f.dependency();
    DependencyParts p = parts(d);
    g.startObject();
    g.string(ID, f.id());
    strings(ALIASES, f.aliases());
    g.string(KIND, f.kind().jsonName());
    g.string(SEVERITY, f.severity().jsonName());
    if (f.cvssScore().isPresent()) {
      g.field(CVSS_SCORE);
      g.number(f.cvssScore().getAsDouble());
    }
    g.string(SUMMARY, f.summary());
    // From here to the fixed versions, and from the path to the dev flag, the bytes depend on the
    // dependency only: written for its first finding, copied for the others.
    if (copy && p.pkg != null) {
      g.raw(p.pkg);
    } else {
      long mark = g.mark();
      g.field(PACKAGE);
      g.startObject();
      g.string(ECOSYSTEM, d.ecosystem().osvName());
      g.string(NAME, d.name());
      g.string(VERSION, d.version());
      g.string(PURL, p.purl);
      g.endObject();
      if (copy) {
        p.pkg = g.recorded(mark);
      }
    }
    strings(FIXED_VERSIONS, f.fixedVersions());
    if (copy && p.tail != null) {
      g.raw(p.tail);
    } else {
      long mark = g.mark();
      strings(INTRODUCED_VIA, d.path());
      location(d.location());
      g.bool(DIRECT, d.direct());
      g.bool(DEV, d.dev());
      if (copy) {
        p.tail = g.recorded(mark);
      }
    }
    g.bool(UNPINNED, f.unpinned() || d.unpinned());
    g.bool(FAILS, fails);
    strings(REFERENCES, f.references());
    g.endObject();
  }

  private void dependency(Dependency d) throws IOException {
    g.startObject();
    g.string(ECOSYSTEM, d.ecosystem().osvName());
    g.string(NAME, d.name());
    g.string(VERSION, d.version());
    g.string(PURL, parts(d).purl);
    g.bool(DIRECT, d.direct());
    g.bool(DEV, d.dev());
    g.bool(OPTIONAL, d.optional());
    g.bool(UNPINNED, d.unpinned());
    g.string(SOURCE, d.source().jsonName());
    if (!d.resolved().isEmpty()) {
      g.string(RESOLVED, d.resolved());
    }
    if (!d.integrity().isEmpty()) {
      g.string(INTEGRITY, d.integrity());
    }
    location(d.location());
    strings(INTRODUCED_VIA, d.path());
    g.endObject();
  }

  private void location(SourceLocation l) throws IOException {
    g.field(LOCATION);
    g.startObject();
    g.string(FILE, l.file());
    g.number(LINE, l.line());
    if (l.column() > 0) {
      g.number(COLUMN, l.column());
    }
    g.endObject();
  }

  private void strings(PrettyJsonBytes.Name name, List<String> values) throws IOException {
    g.field(name);
    g.startArray();
    for (String s : values) {
      g.string(s);
    }
    g.endArray();
  }

  private void problems(PrettyJsonBytes.Name name, List<Problem> problems) throws IOException {
    g.field(name);
    g.startArray();
    for (Problem p : problems) {
      g.startObject();
      g.string(CODE, p.code());
      g.string(MESSAGE, p.message());
      location(p.location());
      g.endObject();
    }
    g.endArray();
  }

  private void policy(AuditReport r) throws IOException {
    g.field(POLICY);
    g.startObject();
    g.string(FAIL_ON, r.failOn().jsonName());
    g.bool(INCLUDE_DEV, r.includeDev());
    g.field(EXPIRED_IGNORES);
    g.startArray();
    for (IgnoreRule i : r.expiredIgnores()) {
      ignoreRule(i);
    }
    g.endArray();
    g.field(UNUSED_IGNORES);
    g.startArray();
    for (IgnoreRule i : r.unusedIgnores()) {
      ignoreRule(i);
    }
    g.endArray();
    problems(ERRORS, r.policyProblems());
    g.endObject();
  }

  private void ignoreRule(IgnoreRule i) throws IOException {
    g.startObject();
    if (!i.advisoryId().isEmpty()) {
      g.string(ID, i.advisoryId());
    }
    if (!i.packageName().isEmpty()) {
      g.string(PACKAGE, i.describe().replace(i.advisoryId() + " in ", ""));
    }
    g.string(REASON, i.reason());
    g.string(EXPIRES, i.expires().toString());
    location(i.location());
    g.endObject();
  }

  private void summary(AuditReport r, int exitCode) throws IOException {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    int deps = 0;
    int findings = 0;
    int malicious = 0;
    int errors = 0;
    int ignored = 0;
    for (AuditReport.Target t : r.targets()) {
      deps += t.dependencies().size();
      findings += t.findings().size();
      errors += t.problems().size();
      ignored += t.ignored().size();
      for (AuditFinding f : t.findings()) {
        bySeverity.merge(f.severity(), 1, Integer::sum);
        if (f.kind() == AdvisoryKind.MALICIOUS) {
          malicious++;
        }
      }
    }
    g.field(SUMMARY_OBJECT);
    g.startObject();
    g.number(TARGETS, r.targets().size());
    g.number(DEPENDENCIES, deps);
    g.number(FINDINGS, findings);
    g.number(MALICIOUS, malicious);
    g.number(VULNERABILITIES, findings - malicious);
    g.field(BY_SEVERITY);
    g.startObject();
    for (Map.Entry<Severity, Integer> e : bySeverity.entrySet()) {
      g.number(SEVERITY_NAMES.get(e.getKey()), e.getValue());
    }
    g.endObject();
    g.number(IGNORED, ignored);
    g.number(FAILING, r.failingCount());
    g.number(ERRORS, errors);
    g.number(EXIT_CODE, exitCode);
    g.endObject();
  }
}
