package dev.bulwark.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The pair of options that names a monitor's store, shared by {@code monitor results},
 * {@code export-osv} and {@code token create|revoke|list}: {@code --state DIR} (embedded) or
 * {@code --postgres JDBC-URL} (distributed). Exactly one must be given; {@link #check} says so.
 */
final class StoreOptions {
  @Option(names = "--state", paramLabel = "DIR", description = "The monitor's state folder.")
  Path state;

  @Option(names = "--postgres", paramLabel = "JDBC-URL",
      description = "The distributed mode's database instead of --state.")
  String postgres;

  /** Fails unless exactly one of the two options was given. */
  void check() throws OutputOptions.UsageError {
    if ((state == null) == (postgres == null)) {
      throw new OutputOptions.UsageError("give either --state DIR or --postgres JDBC-URL");
    }
  }

  /** The state folder, resolved against the working directory; only when --state was given. */
  Path stateDir(Env env) {
    return state.isAbsolute() ? state : env.cwd().resolve(state).normalize();
  }
}
