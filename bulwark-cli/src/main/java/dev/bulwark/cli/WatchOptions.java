package dev.bulwark.cli;

import dev.bulwark.monitor.Sleeper;
import dev.bulwark.monitor.SqliteState;
import dev.bulwark.monitor.StoreException;
import dev.bulwark.monitor.watch.PgWatchStore;
import dev.bulwark.monitor.watch.Watch;
import dev.bulwark.monitor.watch.WatchException;
import dev.bulwark.monitor.watch.WatchServer;
import dev.bulwark.monitor.watch.WatchStore;
import dev.bulwark.monitor.watch.Webhook;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Option;

/** {@code bulwark monitor --serve HOST:PORT --webhook URL}: the organisation watch (docs/watch.md). */
final class WatchOptions {
  @Option(names = "--serve", paramLabel = "HOST:PORT",
      description = "Serve the organisation watch (API, dashboard, alerts; docs/watch.md) on"
          + " HOST:PORT; a port alone binds to loopback (127.0.0.1).")
  String serve;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "With --serve: POST each new alert to URL as JSON (retried with backoff).")
  String webhook;

  @Option(names = "--advisory-db", paramLabel = "PATH",
      description = "With --serve: the advisory database uploads are checked against and"
          + " watched for updates (default: bulwark db's own, when present).")
  Path advisoryDb;

  boolean enabled() {
    return serve != null;
  }

  /** The watch and its server, running beside the embedded monitor. */
  record Running(Watch watch, WatchServer server, AtomicReference<SqliteState> state)
      implements AutoCloseable {
    /** Backfills from the monitor's verdicts and gives the metrics the queue's lag. */
    void attach(SqliteState s) throws WatchException {
      state.set(s);
      watch.backfill(s.verdicts());
    }

    @Override
    public void close() {
      server.close();
      watch.close();
    }
  }

  /**
   * Starts the watch. With {@code postgres} (the distributed mode) its state is in PostgreSQL
   * and verdicts are followed from the shared verdict store; the admin token file still goes to
   * {@code stateDir}.
   */
  Running start(Env env, Path stateDir, Optional<String> postgres)
      throws OutputOptions.UsageError, WatchException {
    String host = "127.0.0.1";
    String portText = serve.strip();
    int colon = portText.lastIndexOf(':');
    if (colon >= 0) {
      host = portText.substring(0, colon);
      portText = portText.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (host.isEmpty()) {
        host = "127.0.0.1";
      }
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new OutputOptions.UsageError("--serve must be HOST:PORT or PORT, not '" + serve + "'");
    }
    if (port < 0 || port > 65535) {
      throw new OutputOptions.UsageError("--serve: no such port " + port);
    }
    Optional<URI> hook = Optional.empty();
    if (webhook != null) {
      try {
        URI u = URI.create(webhook);
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
          throw new IllegalArgumentException("not http or https");
        }
        hook = Optional.of(u);
      } catch (IllegalArgumentException e) {
        throw new OutputOptions.UsageError("--webhook must be an http(s) URL, not '" + webhook
            + "'");
      }
    }
    Path db = advisoryDb != null ? (advisoryDb.isAbsolute() ? advisoryDb
        : env.cwd().resolve(advisoryDb)) : Databases.path(null, env);
    Optional<Path> dbOpt = advisoryDb != null || Files.isRegularFile(db) ? Optional.of(db)
        : Optional.empty();
    AtomicReference<SqliteState> state = new AtomicReference<>();
    Watch.Options wo = Watch.Options.of(stateDir).withAdvisoryDb(dbOpt)
        .withWebhook(hook, Webhook.Retry.defaults());
    WatchStore store = postgres.isPresent() ? PgWatchStore.open(postgres.get(), 4)
        : Watch.openStore(stateDir);
    Watch w = Watch.open(wo, store, env.clock(), Sleeper.real(), () -> {
          SqliteState s = state.get();
          try {
            return s == null ? 0 : s.queue().pending();
          } catch (StoreException e) {
            return -1;
          }
        }, msg -> say(env, msg), a -> { });
    try {
      Optional<Path> written = w.ensureAdminToken(stateDir);
      WatchServer server = WatchServer.start(w, WatchServer.Options.defaults(host, port),
          env.clock());
      written.ifPresent(f -> say(env, "wrote an admin token to " + f + " (mode 0600); send it as"
          + " Authorization: Bearer TOKEN"));
      say(env, "serving the watch API and dashboard on http://"
          + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/"
          + (WatchServer.isLoopback(host) ? "" : " (not loopback: put TLS in front of it)"));
      return new Running(w, server, state);
    } catch (RuntimeException e) {
      w.close();
      throw new OutputOptions.UsageError("--serve " + serve + ": cannot listen: "
          + e.getMessage());
    }
  }

  private static void say(Env env, String line) {
    synchronized (env.err()) {
      env.err().println("bulwark monitor: " + line);
      env.err().flush();
    }
  }
}
