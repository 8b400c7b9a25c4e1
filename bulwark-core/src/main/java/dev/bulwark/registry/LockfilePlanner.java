package dev.bulwark.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves what an npm, yarn or pnpm command would install, in a temporary copy of the project's
 * manifest, lockfile and settings, with install scripts disabled, then diffs the lockfiles:
 * <ul>
 *   <li>npm: {@code npm SUB ARGS --package-lock-only --ignore-scripts};
 *   <li>pnpm: {@code pnpm SUB ARGS --lockfile-only --ignore-scripts};
 *   <li>yarn 2+ (Berry): {@code yarn SUB ARGS --mode=update-lockfile} (no link step, so no
 *       scripts);
 *   <li>yarn 1 (classic) has no lockfile-only mode: {@code yarn SUB ARGS --ignore-scripts} fills
 *       the temporary copy's node_modules without running any package script.
 * </ul>
 * The user's project is never written.
 */
final class LockfilePlanner {
  private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> PROJECT_FILES = List.of("package.json", ".npmrc", ".yarnrc",
      ".yarnrc.yml", "pnpm-workspace.yaml");
  /** Berry projects often run a checked-in yarn release (yarnPath) with checked-in plugins. */
  private static final List<String> YARN_DIRS = List.of(".yarn/releases", ".yarn/plugins");
  private static final long MAX_COPY_BYTES = 64L << 20;
  private static final int MAX_COPY_FILES = 200;

  private final CommandRunner runner;

  LockfilePlanner(CommandRunner runner) {
    this.runner = runner;
  }

  /** The planned new or changed packages; {@code args} start with the subcommand. */
  List<PlannedPackage> plan(PackageManager pm, String executable, Path project, List<String> args)
      throws RegistryException {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("bulwark-plan");
      copyProject(project, tmp, pm);
      String before = read(project.resolve(pm.lockfile()));
      CommandRunner inTmp = runner.in(tmp);
      List<String> cmd = command(pm, executable, args, tmp, inTmp);
      inTmp.run(cmd, PLAN_TIMEOUT).orElseThrow(() -> new RegistryException("`"
          + String.join(" ", display(pm, cmd)) + "` failed: the plan could not be resolved"));
      Path after = tmp.resolve(pm.lockfile());
      if (!Files.isRegularFile(after, LinkOption.NOFOLLOW_LINKS)) {
        throw new RegistryException(pm.command() + " wrote no " + pm.lockfile() + " while planning");
      }
      return InstallPlans.lockDiff(pm.lockfile(), before, read(after));
    } catch (IOException e) {
      throw new RegistryException("cannot prepare the install plan: " + e.getMessage(), e);
    } finally {
      delete(tmp);
    }
  }

  /** The user's arguments with the no-scripts flags right after the subcommand (before any "--"). */
  private List<String> command(PackageManager pm, String exe, List<String> args, Path tmp,
      CommandRunner inTmp) {
    List<String> flags = switch (pm) {
      case NPM -> List.of("--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund",
          "--prefix", tmp.toString());
      case PNPM -> List.of("--lockfile-only", "--ignore-scripts", "--dir", tmp.toString());
      case YARN -> berry(exe, inTmp) ? List.of("--mode=update-lockfile")
          : List.of("--ignore-scripts", "--non-interactive", "--no-progress", "--cwd", tmp.toString());
      default -> throw new IllegalArgumentException(pm + " is not planned from a lockfile");
    };
    int sub = 0;
    while (sub < args.size() && args.get(sub).startsWith("-")) {
      sub++;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(exe);
    if (sub == args.size()) {
      cmd.addAll(args);
      cmd.add("install"); // bare `yarn`
      cmd.addAll(flags);
    } else {
      cmd.addAll(args.subList(0, sub + 1));
      cmd.addAll(flags);
      cmd.addAll(args.subList(sub + 1, args.size()));
    }
    return cmd;
  }

  /** Yarn 2 and later answer {@code --version} with a major version of 2 or more. */
  private static boolean berry(String exe, CommandRunner inTmp) {
    String v = inTmp.run(List.of(exe, "--version"), Duration.ofSeconds(30)).orElse("1").strip();
    int dot = v.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot)) >= 2;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<String> display(PackageManager pm, List<String> cmd) {
    List<String> out = new ArrayList<>(cmd);
    out.set(0, pm.command());
    return out;
  }

  private static void copyProject(Path project, Path tmp, PackageManager pm) throws IOException {
    List<String> files = new ArrayList<>(PROJECT_FILES);
    files.add(pm.lockfile());
    for (String f : files) {
      Path src = project.resolve(f);
      if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS) && Files.size(src) <= MAX_COPY_BYTES) {
        Files.copy(src, tmp.resolve(f));
      }
    }
    if (pm == PackageManager.YARN) {
      for (String d : YARN_DIRS) {
        copyTree(project.resolve(d), tmp.resolve(d));
      }
    }
  }

  /** Copies regular files only (no links), within a file count and size budget. */
  private static void copyTree(Path src, Path dst) throws IOException {
    if (!Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    long bytes = 0;
    int count = 0;
    try (Stream<Path> s = Files.walk(src, 4)) {
      for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        bytes += Files.size(f);
        if (++count > MAX_COPY_FILES || bytes > MAX_COPY_BYTES) {
          return;
        }
        Path to = dst.resolve(src.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
  }

  static String read(Path f) throws IOException {
    if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    try (InputStream in = Files.newInputStream(f)) {
      byte[] data = in.readNBytes((int) MAX_COPY_BYTES + 1);
      if (data.length > MAX_COPY_BYTES) {
        throw new IOException(f.getFileName() + " is larger than " + MAX_COPY_BYTES + " bytes");
      }
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder holds only manifests and a lockfile; nothing to report.
    }
  }
}
