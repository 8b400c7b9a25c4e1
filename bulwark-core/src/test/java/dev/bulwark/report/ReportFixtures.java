package dev.bulwark.report;

import dev.bulwark.audit.AuditReport;
import dev.bulwark.model.AdvisoryKind;
import dev.bulwark.model.AuditFinding;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import dev.bulwark.policy.FailOn;
import dev.bulwark.policy.IgnoreRule;
import dev.bulwark.project.ExecutionSurface;
import dev.bulwark.project.ProjectResult;
import dev.bulwark.project.Trigger;
import dev.bulwark.project.TriggerKind;
import dev.bulwark.scan.TargetResult;
import dev.bulwark.sweep.Exposure;
import dev.bulwark.sweep.Indicator;
import dev.bulwark.sweep.SweepReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/** Hand-built results for report tests: an audit, package and project scans, and sweeps. */
final class ReportFixtures {
  static final ToolInfo TOOL = new ToolInfo("0.0.0-test", "test data", "built 2026-01-01");
  static final String HOSTILE = "</script><img src=x onerror=alert(1)>\u202Eevil\u202C";

  private ReportFixtures() {}

  /** Every fixture by name: the names of the golden files. */
  static Map<String, Supplier<ReportData>> all() {
    return Map.of("audit", ReportFixtures::audit, "package", ReportFixtures::packageScan,
        "project", ReportFixtures::projectScan, "sweep", ReportFixtures::sweep,
        "sweep-clean", ReportFixtures::cleanSweep);
  }

  static RuleText.Source rules() {
    return id -> Optional.of(new RuleText(id, "Title of " + id,
        "What " + id + " does.", "Why attackers use " + id + ".", "Stop and report it.",
        List.of("MITRE ATT&CK T1059", "https://example.invalid/report/" + id,
            "javascript:alert(1)")));
  }

  static Dependency dep(String name, String version, int line, List<String> path,
      String integrity) {
    return new Dependency(Ecosystem.NPM, name, version, false, path.size() <= 2, false, false,
        DependencySource.REGISTRY, "", integrity, SourceLocation.of("package-lock.json", line),
        path);
  }

  static ReportData.Audit audit() {
    Dependency lodash = dep("lodash", "4.17.4", 39, List.of("app@1.0.0", "lodash@4.17.4"),
        "sha512-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==");
    Dependency evil = dep("@evil/plaid", "1.0.2", 70, List.of("app@1.0.0", "@evil/plaid@1.0.2"),
        "sha1-AAECAwQFBgcICQoLDA0ODxAREhM=");
    Dependency deep = dep("minimist", "0.0.8", 90,
        List.of("app@1.0.0", "lodash@4.17.4", "minimist@0.0.8"), "");
    Dependency py = new Dependency(Ecosystem.PYPI, "requests", "2.19.0", false, true, false, false,
        DependencySource.REGISTRY, "", "sha256:" + "ab".repeat(32),
        SourceLocation.of("requirements.txt", 3), List.of());
    AuditFinding mal = new AuditFinding("MAL-2025-0001", List.of("GHSA-xxxx-yyyy-zzzz"),
        AdvisoryKind.MALICIOUS, Severity.CRITICAL, OptionalDouble.empty(),
        "Malicious code in @evil/plaid " + HOSTILE, evil, List.of(), false,
        List.of("https://example.invalid/advisory/MAL-2025-0001"));
    AuditFinding vuln = new AuditFinding("CVE-2018-16487", List.of("NSWG-ECO-493"),
        AdvisoryKind.VULNERABILITY, Severity.MEDIUM, OptionalDouble.of(5.6), "Prototype pollution",
        lodash, List.of("4.17.11"), false, List.of("https://example.invalid/cve/2018-16487"));
    AuditFinding ignoredVuln = new AuditFinding("CVE-2020-0001", List.of(),
        AdvisoryKind.VULNERABILITY, Severity.LOW, OptionalDouble.empty(), "Minor issue", deep,
        List.of(), false, List.of());
    IgnoreRule rule = new IgnoreRule("CVE-2020-0001", "", "", "", "not reachable",
        LocalDate.of(2027, 1, 1), SourceLocation.of(".bulwark.yml", 4));
    Inventory npm = new Inventory("package-lock.json", "npm/package-lock", Ecosystem.NPM,
        List.of(lodash, evil, deep), List.of(), List.of());
    Inventory pip = new Inventory("requirements.txt", "pypi/requirements", Ecosystem.PYPI,
        List.of(py), List.of(new PackageSourceConfig("extra-index-url",
            "https://mirror.example.invalid/simple", SourceLocation.of("requirements.txt", 1))),
        List.of());
    AuditReport.Target t = new AuditReport.Target("examples/app", List.of(npm, pip),
        List.of(lodash, evil, deep, py), List.of(mal, vuln),
        List.of(new AuditReport.Ignored(ignoredVuln, rule)), List.of());
    return new ReportData.Audit(new AuditReport(List.of(t), FailOn.DEFAULT, true, List.of(),
        List.of(), List.of()), TOOL, 1);
  }

  static Finding finding(String rule, Category c, Severity s, boolean threat, String file,
      int line, int col, String snippet, String decoded, String message) {
    return new Finding(rule, c, s, Confidence.HIGH, threat, new SourceLocation(file, line, col),
        snippet, decoded, message);
  }

  static ReportData.Scan packageScan() {
    List<Finding> fs = List.of(
        finding("npm-install-script", Category.INSTALL_HOOK, Severity.HIGH, true,
            "package/package.json#scripts.postinstall", 1, 0, "node index.js", "",
            "Runs code on install."),
        finding("js-eval-decoded-payload", Category.OBFUSCATION, Severity.CRITICAL, true,
            "package/index.js", 3, 1, "eval(Buffer.from(\"PC9zY3JpcHQ+\",\"base64\").toString())",
            HOSTILE, "Decodes hidden text and runs it. " + HOSTILE),
        finding("js-network-use", Category.SUSPICIOUS_NETWORK, Severity.LOW, false,
            "package/lib/net.js", 10, 5, "fetch(u)", "", "Uses the network."));
    ScanResult r = new ScanResult("evilpkg-1.0.0.tgz", "package", Optional.of(Ecosystem.NPM),
        "evilpkg", "1.0.0", Verdict.MALICIOUS, 100, "Decodes and runs a hidden payload.", fs,
        List.of(new Skipped("package/big.bin", "over the size limit")),
        List.of(new Problem("parse-error", "could not parse", SourceLocation.of("package/x.js", 2))),
        4, 2048);
    return new ReportData.Scan(List.of(new TargetResult.Package(r)), TOOL, rules(), 1);
  }

  static ReportData.Scan projectScan() {
    List<Finding> fs = List.of(
        finding("vscode-task-runs-on-folder-open", Category.CODE_EXECUTION, Severity.CRITICAL,
            true, ".vscode/tasks.json", 14, 23, "\"runOn\": \"folderOpen\"", "",
            "A task runs when the folder is opened."),
        finding("env-file-encoded-url", Category.OBFUSCATION, Severity.MEDIUM, true,
            "server/config/.config.env", 4, 0, "DEV_API_KEY=" + HOSTILE, "javascript:alert(1)",
            "A base64 URL hides the address."));
    ScanResult r = new ScanResult("take-home", "project", Optional.empty(), "", "",
        Verdict.MALICIOUS, 100, "A folder-open task runs a disguised file.", fs, List.of(),
        List.of(), 12, 40_000);
    Trigger open = new Trigger(TriggerKind.FOLDER_OPEN, "task 'env'",
        "node public/fonts/fa-solid-400.woff2 " + HOSTILE, SourceLocation.of(".vscode/tasks.json", 14),
        List.of("public/fonts/fa-solid-400.woff2"), List.of());
    Trigger start = new Trigger(TriggerKind.RUN, "npm run start", "node server/server.js",
        SourceLocation.of("package.json", 8), List.of("server/server.js", "server/app.js"),
        List.of("server/server.js → server/app.js"));
    Dependency evil = dep("evil-dep", "1.0.0", 12, List.of("take-home@1.0.0", "evil-dep@1.0.0"), "");
    AuditFinding mal = new AuditFinding("MAL-2025-0002", List.of(), AdvisoryKind.MALICIOUS,
        Severity.CRITICAL, OptionalDouble.empty(), "Malicious code in evil-dep", evil, List.of(),
        false, List.of());
    ProjectResult p = new ProjectResult(r, "folder",
        new ExecutionSurface(List.of(open, start), List.of("allowAutomaticTasks is on")),
        List.of(mal), 7, List.of("Opening the folder runs " + HOSTILE),
        List.of("Do not open the folder.", "Report the repository."));
    return new ReportData.Scan(List.of(new TargetResult.Project(p)), TOOL, rules(), 1);
  }


  /** A compromised machine, with hostile file names in paths, details and notes. */
  static ReportData.Sweep sweep() {
    Optional<Instant> when = Optional.of(Instant.parse("2026-11-20T09:30:00Z"));
    List<Indicator> indicators = List.of(
        new Indicator(Indicator.Area.FILES, true, "file-trace", "/home/dev/.npl",
            "~/.npl: InvisibleFerret loader", "InvisibleFerret",
            "https://example.invalid/report/invisibleferret", when),
        new Indicator(Indicator.Area.FILES, false, "suspect-file",
            "/home/dev/Downloads/" + HOSTILE + "anydesk.exe", "remote-desktop installer "
                + HOSTILE, "", "", when),
        new Indicator(Indicator.Area.PERSISTENCE, true, "odd-autostart",
            "/home/dev/.config/autostart/updater.desktop",
            "Exec: runs node from a hidden home folder: node /home/dev/.n2/main.js", "", "",
            when),
        new Indicator(Indicator.Area.NETWORK, true, "c2-port", "/proc/net/tcp",
            "connection to 127.0.0.1:1244 on a port BeaverTail / InvisibleFerret C2 servers use"
                + " by pid 1234 (node /home/dev/.n2/main.js)",
            "BeaverTail / InvisibleFerret", "", Optional.empty()),
        new Indicator(Indicator.Area.PACKAGES, true, "malicious-package",
            "/usr/lib/node_modules/evil-dep", "npm evil-dep 1.0.0 is malicious (MAL-2025-0002)",
            "", "MAL-2025-0002", Optional.empty()),
        new Indicator(Indicator.Area.EDITORS, false, "autorun-task",
            "/home/dev/proj/.vscode/tasks.json", "task 'watch' runs on folder open: npm run watch",
            "", "", when));
    List<Exposure> exposures = List.of(
        new Exposure("crypto-wallet", 1, "/home/dev/.config/solana/id.json", "Solana wallet",
            "Move funds to a new wallet made on a clean device."),
        new Exposure("npm-token", 4, "/home/dev/.npmrc", "npm token line",
            "Revoke the token in the registry's settings and create a new one."),
        new Exposure("env-file", 7, "/home/dev/" + HOSTILE + "/.env", ".env file",
            "Rotate every key the file names."));
    List<String> steps = List.of("Disconnect this machine from the network now.",
        "From a different, clean device, rotate the secrets below in this order:",
        "  rotate crypto-wallet: Move funds to a new wallet made on a clean device.",
        "  rotate npm-token: Revoke the token and create a new one.",
        "Reinstall the operating system.", "Report it.");
    SweepReport r = new SweepReport("/home/dev", "/", indicators, exposures, steps,
        new SweepReport.Stats(1234, 5, 2, 42, false, 0),
        List.of("/home/dev/iocs.csv:3: a home-path needs a relative pattern " + HOSTILE));
    return new ReportData.Sweep(r, TOOL, 4);
  }

  /** A clean machine: no evidence, no secrets. */
  static ReportData.Sweep cleanSweep() {
    SweepReport r = new SweepReport("/home/" + HOSTILE, "/", List.of(), List.of(),
        List.of("No known indicators is not proof of safety."),
        new SweepReport.Stats(10, 0, 0, 3, false, 0), List.of());
    return new ReportData.Sweep(r, TOOL, 0);
  }
}
