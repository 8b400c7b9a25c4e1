package dev.bulwark.project;

import dev.bulwark.model.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One thing that would run, and what it runs.
 *
 * @param kind the developer action that fires it
 * @param name e.g. "npm start", "task 'Install' (folderOpen)", "post-checkout hook"
 * @param command the command line as written (escaped for display by renderers)
 * @param location where it is written
 * @param runs project files that would run: the entry files first, then files they load
 *     (require/import), in breadth-first order
 * @param chains for files reached through imports, the chain from an entry, e.g.
 *     "server/server.js → app.js → controllers/user.js"
 * @param asCode the files of {@code runs} that are certainly executed as code: what an interpreter
 *     runs, the command itself, tool configs, and every file reached through imports; not a file
 *     only given as an argument to some other tool (a linter's README, pip's requirements file)
 */
public record Trigger(
    TriggerKind kind,
    String name,
    String command,
    SourceLocation location,
    List<String> runs,
    List<String> chains,
    List<String> asCode) implements Comparable<Trigger> {

  /** A trigger all of whose files run as code. */
  public Trigger(TriggerKind kind, String name, String command, SourceLocation location,
      List<String> runs, List<String> chains) {
    this(kind, name, command, location, runs, chains, runs);
  }

  public Trigger {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(location, "location");
    runs = List.copyOf(runs);
    chains = List.copyOf(chains);
    asCode = List.copyOf(asCode);
  }

  @Override
  public int compareTo(Trigger o) {
    int c = kind.compareTo(o.kind);
    if (c != 0) {
      return c;
    }
    c = location.compareTo(o.location);
    return c != 0 ? c : name.compareTo(o.name);
  }
}
