package dev.bulwark.sweep;

import dev.bulwark.analysis.ioc.IocHit;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Known file traces under the home folder and in temp folders, and known-bad file hashes. */
final class FileTraceCheck {
  static final int MAX_HASH_BYTES = 8 * 1024 * 1024;
  static final int MAX_HASHED = 3_000;
  static final long MAX_HASHED_BYTES = 256L * 1024 * 1024;
  private static final int TEMP_DEPTH = 3;
  private static final int HIDDEN_DEPTH = 3;

  private final SweepContext ctx;
  private final List<Path> candidates = new ArrayList<>();

  FileTraceCheck(SweepContext ctx) {
    this.ctx = ctx;
  }

  void run() {
    for (TraceCatalog.Trace t : ctx.traces.ofKind("home-path")) {
      Path p = ctx.home.resolve(t.pattern()).normalize();
      if (p.startsWith(ctx.home) && ctx.fs.exists(p)) {
        ctx.indicator(Indicator.Area.FILES, true, "file-trace", p,
            "~/" + t.pattern() + " exists", t.family(), t.source());
        candidates.add(p);
      }
    }
    for (Path temp : tempFolders()) {
      Walker.walk(ctx.fs, temp, TEMP_DEPTH, this::visit);
    }
    for (Path hidden : hiddenHomeFolders()) {
      Walker.walk(ctx.fs, hidden, HIDDEN_DEPTH, this::visit);
    }
    Walker.walk(ctx.fs, ctx.home, 1, (p, a, d) -> {
      visitName(p, a);
      return false;
    });
    hashCandidates();
  }

  List<Path> tempFolders() {
    List<Path> out = new ArrayList<>(List.of(ctx.underRoot("/tmp"), ctx.underRoot("/var/tmp"),
        ctx.underRoot("/dev/shm"), ctx.home.resolve("AppData/Local/Temp")));
    return out.stream().filter(ctx.fs::isDirectory).toList();
  }

  /** Hidden folders right in the home folder, except well-known tool caches. */
  private List<Path> hiddenHomeFolders() {
    List<Path> out = new ArrayList<>();
    for (Path p : ctx.fs.list(ctx.home)) {
      String n = Walker.name(p);
      if (n.startsWith(".") && !SKIP_HIDDEN.contains(n) && ctx.fs.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static final java.util.Set<String> SKIP_HIDDEN = java.util.Set.of(".cache", ".npm",
      ".nvm", ".pyenv", ".local", ".m2", ".gradle", ".cargo", ".rustup", ".git", ".vscode-server",
      ".cursor-server", ".conda", ".mozilla", ".config", ".yarn", ".pnpm-store", ".docker",
      ".sdkman", ".rye", ".bun", ".deno", ".volta", ".asdf", ".vscode", ".cursor");

  private boolean visit(Path p, BasicFileAttributes a, int depth) {
    visitName(p, a);
    if (a.isRegularFile() && a.size() <= MAX_HASH_BYTES && candidates.size() < MAX_HASHED) {
      candidates.add(p);
    }
    return !Walker.BULKY.contains(Walker.name(p));
  }

  private void visitName(Path p, BasicFileAttributes a) {
    String name = Walker.name(p);
    for (TraceCatalog.Trace t : ctx.traces.traces()) {
      boolean strong = t.kind().equals("file-name");
      if ((strong || t.kind().equals("suspect-name")) && TraceCatalog.globMatches(t.pattern(), name)) {
        ctx.indicator(Indicator.Area.FILES, strong, strong ? "file-trace" : "suspect-file", p,
            "file named " + name + " (pattern " + t.pattern() + ")", t.family(), t.source());
      }
    }
  }

  private void hashCandidates() {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      ctx.note("SHA-256 is not available; file hashes were not checked");
      return;
    }
    long total = 0;
    for (Path p : candidates.stream().distinct().sorted().toList()) {
      if (ctx.fs.spent() || total > MAX_HASHED_BYTES) {
        ctx.note("file hashing stopped early (time or byte budget)");
        return;
      }
      Optional<byte[]> bytes = ctx.fs.readBytes(p, MAX_HASH_BYTES);
      if (bytes.isEmpty()) {
        continue;
      }
      total += bytes.get().length;
      Optional<IocHit> hit = ctx.feed.hash(md.digest(bytes.get()));
      hit.ifPresent(h -> ctx.indicator(Indicator.Area.FILES, true, "known-bad-hash", p,
          "SHA-256 " + h.ioc().value() + " is a known malware file", "", h.ioc().source()));
    }
  }
}
