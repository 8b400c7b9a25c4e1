package dev.bulwark.sweep;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * With {@code --deep}: reads each installed package's files through {@link SweepFs} (so the
 * confinement holds) into an in-memory {@link Artifact} and runs the static analyzer on it. The
 * code is only read, never run.
 */
final class DeepScan {
  static final int MAX_PACKAGES = 2_000;
  private static final int MAX_FILES = 2_000;
  private static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
  private static final long MAX_PACKAGE_BYTES = 8L * 1024 * 1024;
  private static final int MAX_DEPTH = 12;

  private final SweepContext ctx;
  private final PackageAnalyzer analyzer;
  private int scanned;
  private boolean stoppedEarly;

  DeepScan(SweepContext ctx, PackageAnalyzer analyzer) {
    this.ctx = ctx;
    this.analyzer = analyzer;
  }

  int scanned() {
    return scanned;
  }

  boolean stoppedEarly() {
    return stoppedEarly;
  }

  void run(List<PackageCheck.Found> packages) {
    for (PackageCheck.Found f : packages) {
      if (scanned >= MAX_PACKAGES || ctx.fs.spent()) {
        ctx.note("--deep stopped after " + scanned + " of " + packages.size()
            + " packages (limit or time budget)");
        stoppedEarly = true;
        return;
      }
      Optional<Path> dir = folder(f);
      if (dir.isEmpty()) {
        continue;
      }
      scanned++;
      ScanResult r = analyzer.analyze(read(f, dir.get()));
      if (r.verdict() == Verdict.CLEAN) {
        continue;
      }
      // Never verdict-setting: static heuristics misfire on installed trees (for example pip's
      // bundled Windows launchers), and the sweep's verdict rests on known indicators only.
      boolean malicious = r.verdict() == Verdict.MALICIOUS;
      String rules = String.join(", ", r.findings().stream().filter(Finding::threat)
          .map(Finding::ruleId).distinct().limit(5).toList());
      ctx.indicator(Indicator.Area.PACKAGES, false, malicious ? "deep-malicious" : "deep-suspicious",
          dir.get(), f.ecosystem().osvName() + " " + f.name() + " " + f.version() + ": "
              + r.reason() + (rules.isEmpty() ? "" : " (" + rules + ")"), "", "bulwark static analysis");
    }
  }

  /** The folder holding the package's code: the npm package folder, or site-packages/<top-level>. */
  private Optional<Path> folder(PackageCheck.Found f) {
    Path w = f.where();
    if (f.ecosystem() == Ecosystem.NPM) {
      return ctx.fs.isFile(w.resolve("package.json")) ? Optional.of(w) : Optional.empty();
    }
    String n = Walker.name(w);
    if (!n.endsWith(".dist-info") && !n.endsWith(".egg-info")) {
      return Optional.empty();
    }
    String top = ctx.fs.readText(w.resolve("top_level.txt"), 4096).map(t -> t.lines()
        .map(String::strip).filter(s -> !s.isEmpty() && !s.contains("..") && !s.contains("/"))
        .findFirst().orElse("")).orElse("");
    Path parent = w.getParent();
    if (top.isEmpty() || parent == null) {
      return Optional.empty();
    }
    Path code = parent.resolve(top);
    return ctx.fs.isDirectory(code) ? Optional.of(code) : Optional.empty();
  }

  private Artifact read(PackageCheck.Found f, Path dir) {
    List<ArtifactFile> files = new ArrayList<>();
    long[] total = {0};
    Walker.walk(ctx.fs, dir, MAX_DEPTH, (p, a, depth) -> {
      if (a.isDirectory()) {
        return !Walker.name(p).equals("node_modules") && !Walker.name(p).equals("__pycache__");
      }
      if (a.isRegularFile() && files.size() < MAX_FILES && a.size() <= MAX_FILE_BYTES
          && total[0] + a.size() <= MAX_PACKAGE_BYTES) {
        ctx.fs.readBytes(p, MAX_FILE_BYTES).ifPresent(b -> {
          total[0] += b.length;
          files.add(new ArtifactFile(dir.relativize(p).toString().replace('\\', '/'), b, false));
        });
      }
      return false;
    });
    files.sort(java.util.Comparator.comparing(ArtifactFile::path));
    return new Artifact(dir.toString(), Optional.of(f.ecosystem()), f.name(), f.version(), files,
        List.of(), List.of(), List.of());
  }
}
