package dev.bulwark.cli;

import dev.bulwark.report.BulwarkVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} command. Only {@link #main} exits the JVM; everything else returns codes. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Stops malicious and vulnerable npm and PyPI packages before they run.",
      "Offline and static: Bulwark never runs the code it checks."
    },
    subcommands = {
      ScanCommand.class,
      CheckCommand.class,
      InstallGuardCommand.Npm.class,
      InstallGuardCommand.Yarn.class,
      InstallGuardCommand.Pnpm.class,
      InstallGuardCommand.Pip.class,
      AuditCommand.class,
      SweepCommand.class,
      DbCommand.class,
      RulesCommand.class,
      RulesCommand.Explain.class,
      EvalCommand.class,
      MonitorCommand.class,
      LearnCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private final Env env;

  Main(Env env) {
    this.env = env;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(env.out());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Env env = new Env(out, err, System.getenv(), Clock.systemUTC(), Path.of("").toAbsolutePath(),
        Terminal.isInteractive());
    int code = run(env, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. Never exits the JVM. */
  static int run(Env env, String... args) {
    CommandLine cl = new CommandLine(new Main(env), new Factory(env));
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // The install guards pass the package manager's own options (`yarn --frozen-lockfile`) on.
    InstallGuardCommand.NAMES.forEach(n -> cl.getSubcommands().get(n).setUnmatchedOptionsArePositionalParams(true));
    cl.setParameterExceptionHandler((ex, a) -> {
      env.err().println("bulwark: " + ex.getMessage());
      env.err().println("Run 'bulwark " + commandPath(ex.getCommandLine()) + " --help' for usage.");
      env.err().flush();
      return ExitCode.USAGE.code;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean debug = parseResult.expandedArgs().contains("--debug");
      env.err().println("bulwark: internal error: " + ex);
      if (debug) {
        ex.printStackTrace(env.err());
      } else {
        env.err().println("Run again with --debug to see the stack trace.");
      }
      env.err().flush();
      return ExitCode.INCOMPLETE.code;
    });
    return cl.execute(args);
  }

  private static String commandPath(CommandLine cl) {
    String name = cl.getCommandSpec().qualifiedName(" ");
    return name.startsWith("bulwark ") ? name.substring("bulwark ".length()) : "";
  }

  /** Creates commands, giving those that want it the {@link Env}. */
  private static final class Factory implements CommandLine.IFactory {
    private final Env env;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Env env) {
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(Env.class);
        c.setAccessible(true);
        return c.newInstance(env);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"bulwark " + BulwarkVersion.get()};
    }
  }
}
