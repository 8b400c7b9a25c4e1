package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The npm, yarn and pnpm guards end to end against the loopback registry of
 * {@link CheckCommandTest}, with fake package managers: shell scripts on a private PATH that
 * answer {@code --version}, write a canned lockfile when asked to plan, and otherwise only log
 * their arguments. Nothing is installed and no real package manager runs.
 */
@DisabledOnOs(OS.WINDOWS)
class GuardCommandTest {
  @BeforeAll
  static void start() throws Exception {
    CheckCommandTest.start();
  }

  @AfterAll
  static void stop() {
    CheckCommandTest.stop();
  }

  record Result(int exit, String err, List<String> ran) {}

  private static String yarnClassic(String... pkgs) {
    StringBuilder b = new StringBuilder("# yarn lockfile v1\n\n");
    for (String p : pkgs) {
      b.append('\n').append(p).append("@^1.0.0:\n  version \"1.0.0\"\n  resolved \"")
          .append(CheckCommandTest.base).append('/').append(p).append("/-/").append(p).append("-1.0.0.tgz\"\n");
    }
    return b.toString();
  }

  private static String pnpm(String... pkgs) {
    StringBuilder b = new StringBuilder("lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n");
    for (String p : pkgs) {
      b.append("      ").append(p).append(":\n        specifier: ^1.0.0\n        version: 1.0.0\n");
    }
    b.append("\npackages:\n\n");
    for (String p : pkgs) {
      b.append("  ").append(p).append("@1.0.0:\n    resolution: {integrity: sha512-AA==}\n\n");
    }
    b.append("snapshots:\n\n");
    for (String p : pkgs) {
      b.append("  ").append(p).append("@1.0.0: {}\n");
    }
    return b.toString();
  }

  private static String npmLock(String... pkgs) {
    StringBuilder b = new StringBuilder("{\"lockfileVersion\":3,\"packages\":{\"\":{\"name\":\"app\"}");
    for (String p : pkgs) {
      b.append(",\"node_modules/").append(p).append("\":{\"version\":\"1.0.0\",\"resolved\":\"")
          .append(CheckCommandTest.base).append("/t/").append(p).append(".tgz\"}");
    }
    return b.append("}}").toString();
  }

  /** Writes a fake package manager that plans by copying {@code lock} and logs real runs. */
  private static Path fakeTool(Path bin, String tool, String version, String lockName, String lock,
      Path log) throws IOException {
    Files.createDirectories(bin);
    Path canned = bin.resolve(tool + ".canned");
    Files.writeString(canned, lock);
    String script = "#!/bin/sh\n"
        + "for a in \"$@\"; do case \"$a\" in\n"
        + "  --version) echo " + version + "; exit 0;;\n"
        + "  --mode=update-lockfile|--ignore-scripts|--lockfile-only|--package-lock-only)\n"
        + "    cat '" + canned + "' > \"$PWD/" + lockName + "\"; exit 0;;\n"
        + "esac; done\n"
        + "echo \"$*\" >> '" + log + "'\n"
        + "case \"$1\" in run) exit 7;; esac\n"
        + "exit 0\n";
    Path f = bin.resolve(tool);
    Files.writeString(f, script);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  private static Result run(Path dir, String tool, String version, String lockName, String lock,
      String... args) throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project);
    Files.writeString(project.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    Path log = dir.resolve("ran.log");
    Path bin = dir.resolve("bin");
    if (!tool.isEmpty()) {
      fakeTool(bin, tool, version, lockName, lock, log);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Env env = new Env(new PrintWriter(out), new PrintWriter(err), Map.of("XDG_CACHE_HOME",
        dir.resolve("cache").toString(), "HOME", dir.toString(), "PATH", bin.toString()),
        CliHarness.CLOCK, project, false);
    int code = Main.run(env, args);
    List<String> ran = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return new Result(code, err.toString(), ran);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      yarn | yarn add hook-pkg               | 1.22.22 | 1 | ''                | hook-pkg
      yarn | yarn add calm-pkg               | 4.5.0   | 0 | add calm-pkg      | ''
      yarn | yarn --frozen-lockfile          | 1.22.22 | 0 | --frozen-lockfile | ''
      yarn | yarn                            | 4.5.0   | 0 | ''                | ''
      pnpm | pnpm add hook-pkg               | 9.15.0  | 1 | ''                | hook-pkg
      pnpm | pnpm --strict add -D calm-pkg   | 9.15.0  | 0 | add -D calm-pkg   | ''
      npm  | npm install hook-pkg            | 10.9.0  | 1 | ''                | hook-pkg
      npm  | npm --yes i calm-pkg --save-dev | 10.9.0  | 0 | i calm-pkg --save-dev | ''
      """)
  void guardedInstallsBlockMaliciousPlansAndOtherwiseRunTheCommandUnchanged(String tool,
      String argv, String version, int exit, String ranArgs, String blocked, @TempDir Path dir)
      throws Exception {
    List<String> args = Arrays.asList(argv.split(" "));
    String bad = blocked.isEmpty() ? "calm-pkg" : blocked;
    String lockName = switch (tool) {
      case "yarn" -> "yarn.lock";
      case "pnpm" -> "pnpm-lock.yaml";
      default -> "package-lock.json";
    };
    String lock = switch (tool) {
      case "yarn" -> yarnClassic(bad);
      case "pnpm" -> pnpm(bad);
      default -> npmLock(bad);
    };
    List<String> cli = new java.util.ArrayList<>(List.of(args.get(0), "--registry=" + CheckCommandTest.base));
    cli.addAll(args.subList(1, args.size()));
    Result r = run(dir, tool, version, lockName, lock, cli.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err()).contains("1 new or changed package(s) checked");
    if (blocked.isEmpty()) {
      assertThat(r.ran()).as("the real command ran once, arguments unchanged")
          .containsExactly(ranArgs);
    } else {
      assertThat(r.ran()).as("blocked: the real command never ran").isEmpty();
      assertThat(r.err()).contains("npm:" + blocked + "@1.0.0").contains("blocked:");
    }
  }

  /** A package the registry does not have: unknown blocks unless allowed; a MAL record always blocks. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      gone-pkg        | ''                | 3 | false
      gone-pkg        | --allow-unchecked | 0 | true
      react-plaid-sdk | ''                | 1 | false
      react-plaid-sdk | --allow-unchecked | 1 | false
      """)
  void uncheckedPackagesBlockUnlessAllowedAndMalRecordsAlwaysBlock(String pkg, String flag,
      int exit, boolean ran, @TempDir Path dir) throws Exception {
    List<String> cli = new java.util.ArrayList<>(List.of("npm", "--registry=" + CheckCommandTest.base));
    if (!flag.isEmpty()) {
      cli.add(flag);
    }
    cli.addAll(List.of("install", pkg));
    Result r = run(dir, "npm", "10.9.0", "package-lock.json", npmLock(pkg), cli.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err()).contains(pkg.equals("gone-pkg") ? "UNKNOWN" : "MAL-2025-5285");
    if (ran) {
      assertThat(r.ran()).containsExactly("install " + pkg);
    } else {
      assertThat(r.ran()).as("blocked: the real command never ran").isEmpty();
      assertThat(r.err()).contains("blocked:");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      yarn run test --watch  | 7 | run test --watch
      pnpm dlx cowsay hi     | 0 | dlx cowsay hi
      npm --version          | 0 | ''
      npm ls --depth 0       | 0 | ls --depth 0
      """)
  void otherCommandsPassStraightThroughSoTheGuardWorksAsAnAlias(String argv, int exit,
      String ranArgs, @TempDir Path dir) throws Exception {
    String[] args = argv.split(" ");
    Result r = run(dir, args[0], "1.0.0", "x.lock", "", args);
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    if (ranArgs.isEmpty()) {
      assertThat(r.ran()).as("--version is answered by the tool itself").isEmpty();
    } else {
      assertThat(r.ran()).containsExactly(ranArgs);
    }
    assertThat(r.err()).doesNotContain("checked");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"yarn", "pnpm", "npm", "pip"})
  void aMissingPackageManagerIsAClearUsageError(String tool, @TempDir Path dir) throws Exception {
    Result r = run(dir, "", "", "", "", tool, "install", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(tool + " is not installed (not found on PATH)");
  }
}
