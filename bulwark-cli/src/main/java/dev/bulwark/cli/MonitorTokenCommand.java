package dev.bulwark.cli;

import dev.bulwark.monitor.watch.PgWatchStore;
import dev.bulwark.monitor.watch.Scope;
import dev.bulwark.monitor.watch.Token;
import dev.bulwark.monitor.watch.Tokens;
import dev.bulwark.monitor.watch.Watch;
import dev.bulwark.monitor.watch.WatchException;
import dev.bulwark.monitor.watch.WatchStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark monitor token create|revoke|list}: API tokens of the organisation watch. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create, revoke or list the watch's API tokens (docs/watch.md).",
    subcommands = {MonitorTokenCommand.Create.class, MonitorTokenCommand.Revoke.class,
        MonitorTokenCommand.ListTokens.class})
final class MonitorTokenCommand implements Callable<Integer> {
  private final Env env;

  MonitorTokenCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.err().println("bulwark monitor token: give create, revoke or list");
    return ExitCode.USAGE.code;
  }

  /** The watch's store: --state DIR (embedded) or --postgres JDBC-URL (distributed). */
  static WatchStore open(Env env, StoreOptions store) throws WatchException {
    try {
      store.check();
    } catch (OutputOptions.UsageError e) {
      throw new WatchException(e.getMessage());
    }
    return store.postgres != null ? PgWatchStore.open(store.postgres, 2)
        : Watch.openStore(store.stateDir(env));
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print it once (only its hash is stored).")
  static final class Create implements Callable<Integer> {
    private final Env env;

    @Mixin
    StoreOptions where = new StoreOptions();

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "read-only",
        description = "admin, read-only (default) or upload-only.")
    String scope;

    @Option(names = "--name", paramLabel = "TEXT", defaultValue = "token",
        description = "What the token is for (shown by list).")
    String name;

    Create(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Optional<Scope> s = Scope.parse(scope);
      if (s.isEmpty()) {
        env.err().println("bulwark monitor token create: --scope must be admin, read-only or"
            + " upload-only, not '" + scope + "'");
        return ExitCode.USAGE.code;
      }
      try (WatchStore store = open(env, where)) {
        Tokens.Created c = Tokens.create(store, name, s.get(), env.clock().instant());
        env.out().println(c.secret());
        env.out().flush();
        env.err().println("bulwark monitor token: created " + c.token().id() + " ("
            + s.get().jsonName() + "); revoke with `bulwark monitor token revoke "
            + c.token().id() + "`");
        return ExitCode.OK.code;
      } catch (WatchException e) {
        env.err().println("bulwark monitor token create: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a token by its id (the part after bw_, before the next _).")
  static final class Revoke implements Callable<Integer> {
    private final Env env;

    @Mixin
    StoreOptions where = new StoreOptions();

    @Parameters(paramLabel = "ID", description = "The token's id (or the whole token).")
    String id;

    Revoke(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      String tokenId = id.strip();
      if (tokenId.startsWith("bw_") && tokenId.indexOf('_', 3) > 0) {
        tokenId = tokenId.substring(3, tokenId.indexOf('_', 3));
      }
      try (WatchStore store = open(env, where)) {
        if (!store.revoke(tokenId)) {
          env.err().println("bulwark monitor token revoke: no token " + tokenId);
          return ExitCode.USAGE.code;
        }
        env.err().println("bulwark monitor token: revoked " + tokenId);
        return ExitCode.OK.code;
      } catch (WatchException e) {
        env.err().println("bulwark monitor token revoke: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (no secrets).")
  static final class ListTokens implements Callable<Integer> {
    private final Env env;

    @Mixin
    StoreOptions where = new StoreOptions();

    ListTokens(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      try (WatchStore store = open(env, where)) {
        for (Token t : store.tokens()) {
          env.out().println(t.id() + "\t" + t.scope().jsonName() + "\t"
              + (t.revoked() ? "revoked" : "live") + "\t" + t.created() + "\t" + t.name());
        }
        env.out().flush();
        return ExitCode.OK.code;
      } catch (WatchException e) {
        env.err().println("bulwark monitor token list: " + e.getMessage());
        return ExitCode.INCOMPLETE.code;
      }
    }
  }
}
