package dev.bulwark.cli;

import dev.bulwark.report.BulwarkVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    })
public final class Main implements Runnable {
  /**
   * The subcommands, in the order help lists them. They are added at run time rather than in the
   * annotation so that a run builds the option model (reflection over every option) of the one
   * command it runs, not of all fifteen: that was most of the start-up time of a short command.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
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
      CommandLine.HelpCommand.class);

  private final Env env;

  Main(Env env) {
    this.env = env;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(env.out());
  }

  public static void main(String[] args) {
    NativeLibs.useCache();
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
    Optional<Class<?>> only = onlyCommand(args);
    for (Class<?> c : SUBCOMMANDS) {
      if (only.isEmpty() || only.get() == c) {
        cl.addSubcommand(c);
      }
    }
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // The install guards pass the package manager's own options (`yarn --frozen-lockfile`) on.
    InstallGuardCommand.NAMES.stream().filter(cl.getSubcommands()::containsKey)
        .forEach(n -> cl.getSubcommands().get(n).setUnmatchedOptionsArePositionalParams(true));
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

  /**
   * The subcommand the first argument names, when it names one other than help; otherwise (no
   * command, an option first, help, a typo to suggest a name for) every subcommand is needed.
   */
  private static Optional<Class<?>> onlyCommand(String[] args) {
    if (args.length == 0) {
      return Optional.empty();
    }
    for (Class<?> c : SUBCOMMANDS) {
      Command cmd = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class && cmd != null
          && (cmd.name().equals(args[0]) || Arrays.asList(cmd.aliases()).contains(args[0]))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
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
