package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.monitor.VersionKey;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The watch's HTTP server: the JSON API under {@code /api}, Prometheus metrics, and the
 * dashboard, on Javalin (Jetty). Every route but the login page needs a token (Bearer) or a
 * dashboard session; state changes from a session need its CSRF token. Errors are one JSON
 * line (API) or a short page (dashboard), never a stack trace.
 */
public final class WatchServer implements AutoCloseable {
  /**
   * @param host address to bind (loopback by default)
   * @param port port (0: any free one)
   * @param maxUploadBytes largest inventory accepted
   * @param uploadsPerMinute uploads per token per minute
   * @param sessionLife how long a dashboard session lasts
   */
  public record Options(String host, int port, long maxUploadBytes, int uploadsPerMinute,
      Duration sessionLife) {
    public static Options defaults(String host, int port) {
      return new Options(host, port, 32L << 20, 60, Duration.ofHours(8));
    }
  }

  /** What a route needs. */
  private enum Need { READ, UPLOAD, CHANGE }

  /** A refusal with its status and message. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @FunctionalInterface
  private interface Route {
    void handle(Context ctx, Access.Caller caller) throws Exception;
  }

  private static final String COOKIE = "bulwark_session";
  private final Watch watch;
  private final Options options;
  private final Clock clock;
  private final Access access;
  private final Javalin app;

  private WatchServer(Watch watch, Options options, Clock clock) {
    this.watch = watch;
    this.options = options;
    this.clock = clock;
    this.access = new Access(watch.store(), clock, options.sessionLife());
    long cap = options.maxUploadBytes();
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.http.maxRequestSize = cap + (64 << 10);
      cfg.jetty.multipartConfig.maxFileSize(cap, SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxTotalRequestSize(cap + (64 << 10), SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(cap, 1 << 20), SizeUnit.BYTES);
    });
    routes();
  }

  /** Starts the server; {@link #port()} tells the port when 0 was asked. */
  public static WatchServer start(Watch watch, Options options, Clock clock) {
    WatchServer s = new WatchServer(watch, options, clock);
    s.app.start(options.host(), options.port());
    return s;
  }

  public int port() {
    return app.port();
  }

  /** True for a loopback address (the default bind). */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void routes() {
    app.before(ctx -> {
      ctx.header("Content-Security-Policy", Dashboard.CSP);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Cache-Control", "no-store");
    });
    app.exception(Refused.class, (e, ctx) -> refuse(ctx, e.status, e.getMessage()));
    app.exception(UploadException.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, e.getStatus(),
        e.getStatus() == 413 ? "request too large: the limit is " + options.maxUploadBytes()
            + " bytes" : e.getMessage()));
    app.exception(WatchException.class, (e, ctx) -> refuse(ctx, 503, e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> refuse(ctx, 500, "internal error ("
        + e.getClass().getSimpleName() + ")"));
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().equals("Not Found")) {
        refuse(ctx, 404, "no such page or endpoint");
      }
    });
    app.error(405, ctx -> refuse(ctx, 405, "method not allowed"));

    // Public: the login page, its stylesheet.
    app.get("/dashboard.css", ctx -> ctx.contentType("text/css; charset=utf-8")
        .result(Dashboard.CSS));
    app.get("/login", ctx -> html(ctx, 200, Dashboard.login("")));
    app.post("/login", this::login);

    // API.
    app.get("/api/health", on(Need.READ, (ctx, c) -> json(ctx, 200,
        WatchJson.M.createObjectNode().put("status", "ok"))));
    app.get("/metrics", on(Need.READ, (ctx, c) -> ctx.contentType("text/plain; version=0.0.4")
        .result(watch.metrics().render(watch.store().alertCounts(),
            watch.store().projects().size()))));
    app.get("/api/projects", on(Need.READ, (ctx, c) -> {
      ObjectNode o = WatchJson.M.createObjectNode();
      ArrayNode a = o.putArray("projects");
      for (Project p : watch.store().projects()) {
        a.add(WatchJson.project(p));
      }
      json(ctx, 200, o);
    }));
    app.get("/api/projects/{name}", on(Need.READ, this::project));
    app.put("/api/projects/{name}", on(Need.UPLOAD, this::uploadRaw));
    app.post("/api/projects/{name}", on(Need.UPLOAD, this::uploadMultipart));
    app.get("/api/alerts", on(Need.READ, this::alerts));
    app.post("/api/alerts/{id}/ack", on(Need.CHANGE, (ctx, c) -> {
      long id = alertId(ctx);
      boolean done = watch.store().acknowledge(id, clock.instant());
      json(ctx, done ? 200 : 404, WatchJson.M.createObjectNode().put("id", id)
          .put("acknowledged", done));
    }));
    app.get("/api/packages/{ecosystem}/<rest>", on(Need.READ, this::pkg));

    // Dashboard.
    app.get("/", on(Need.READ, (ctx, c) -> html(ctx, 200, Dashboard.verdicts(
        watch.store().latestVerdicts(50, true), watch.store().alertCounts(), csrf(c)))));
    app.get("/projects", on(Need.READ, (ctx, c) -> html(ctx, 200,
        Dashboard.projects(watch.store().projects(), csrf(c)))));
    app.get("/alerts", on(Need.READ, (ctx, c) -> html(ctx, 200, Dashboard.alerts(
        watch.store().alerts(Optional.empty(), state(ctx), Optional.empty(), 1000), csrf(c),
        c.token().scope().canChange()))));
    app.post("/alerts/{id}/ack", on(Need.CHANGE, (ctx, c) -> {
      watch.store().acknowledge(alertId(ctx), clock.instant());
      ctx.redirect("/alerts", io.javalin.http.HttpStatus.SEE_OTHER);
    }));
    app.post("/logout", on(Need.READ, (ctx, c) -> {
      c.session().ifPresent(s -> access.logout(s.id()));
      ctx.cookie(cookie("", 0));
      ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }));
  }

  private static String csrf(Access.Caller c) {
    return c.session().map(Access.Session::csrf).orElse("");
  }

  private io.javalin.http.Handler on(Need need, Route r) {
    return ctx -> r.handle(ctx, authorize(ctx, need));
  }

  private Access.Caller authorize(Context ctx, Need need) throws WatchException {
    String auth = ctx.header("Authorization");
    Optional<Access.Caller> caller;
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new Refused(401, "use Authorization: Bearer TOKEN");
      }
      caller = access.bearer(auth.substring(7).strip());
      if (caller.isEmpty()) {
        throw new Refused(401, "unknown or revoked token");
      }
    } else {
      caller = access.session(ctx.cookie(COOKIE));
      if (caller.isEmpty()) {
        throw new Refused(401, "a token is needed: Authorization: Bearer TOKEN, or log in at"
            + " /login");
      }
      if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
        String sent = Optional.ofNullable(ctx.header("X-CSRF-Token"))
            .orElseGet(() -> ctx.formParam("csrf"));
        if (!Access.sameSecret(sent, caller.get().session().orElseThrow().csrf())) {
          throw new Refused(403, "missing or wrong CSRF token");
        }
      }
    }
    Scope s = caller.get().token().scope();
    boolean ok = switch (need) {
      case READ -> s.canRead();
      case UPLOAD -> s.canUpload();
      case CHANGE -> s.canChange();
    };
    if (!ok) {
      throw new Refused(403, "this token's scope (" + s.jsonName() + ") does not allow this");
    }
    return caller.get();
  }

  private void login(Context ctx) throws WatchException {
    if (!access.allow("login:" + ctx.ip(), 20)) {
      watch.metrics().rateLimited.incrementAndGet();
      throw new Refused(429, "too many login attempts; wait a minute");
    }
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
    Optional<Access.Session> s = access.login(token);
    if (s.isEmpty()) {
      html(ctx, 401, Dashboard.login("Unknown or revoked token."));
      return;
    }
    ctx.cookie(cookie(s.get().id(), (int) options.sessionLife().toSeconds()));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private static io.javalin.http.Cookie cookie(String value, int maxAge) {
    return new io.javalin.http.Cookie(COOKIE, value, "/", maxAge, false, 0, true, null, null,
        SameSite.STRICT);
  }

  private void project(Context ctx, Access.Caller c) throws WatchException {
    String name = ctx.pathParam("name");
    Optional<Project> p = watch.store().project(name);
    if (p.isEmpty()) {
      throw new Refused(404, "no project '" + UploadParser.shown(name) + "'");
    }
    ObjectNode o = WatchJson.project(p.get());
    ArrayNode deps = o.putArray("packages");
    for (PinnedPackage d : watch.store().packages(name)) {
      deps.add(WatchJson.pkg(d));
    }
    ArrayNode findings = o.putArray("findings");
    for (Alert a : watch.store().alerts(Optional.empty(), Optional.empty(), Optional.of(name),
        100_000)) {
      if (a.state() != AlertState.RESOLVED) {
        findings.add(WatchJson.alert(a));
      }
    }
    json(ctx, 200, o);
  }

  private void limitUploads(Access.Caller c) {
    if (!access.allow("upload:" + c.token().id(), options.uploadsPerMinute())) {
      watch.metrics().rateLimited.incrementAndGet();
      throw new Refused(429, "too many uploads with this token; the limit is "
          + options.uploadsPerMinute() + " a minute");
    }
  }

  private void uploadRaw(Context ctx, Access.Caller c) throws Exception {
    limitUploads(c);
    String file = ctx.queryParam("file");
    if (file == null || file.isBlank()) {
      throw new Refused(400, "give the file's name: ?file=package-lock.json (or send it as"
          + " multipart with its filename)");
    }
    long declared = ctx.contentLength();
    if (declared > options.maxUploadBytes()) {
      throw new Refused(413, "the file is " + declared + " bytes, over the limit of "
          + options.maxUploadBytes() + " bytes");
    }
    byte[] body = read(ctx.req().getInputStream());
    uploaded(ctx, watch.upload(ctx.pathParam("name"), file, body));
  }

  private void uploadMultipart(Context ctx, Access.Caller c) throws Exception {
    limitUploads(c);
    String type = Optional.ofNullable(ctx.contentType()).orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new Refused(415, "POST a multipart/form-data body with the file (or PUT the file"
          + " with ?file=NAME)");
    }
    List<UploadedFile> files = ctx.uploadedFiles();
    if (files.size() != 1) {
      throw new Refused(400, "send exactly one file (got " + files.size() + ")");
    }
    UploadedFile f = files.get(0);
    if (f.size() > options.maxUploadBytes()) {
      throw new Refused(413, "the file is " + f.size() + " bytes, over the limit of "
          + options.maxUploadBytes() + " bytes");
    }
    byte[] body;
    try (InputStream in = f.content()) {
      body = read(in);
    }
    uploaded(ctx, watch.upload(ctx.pathParam("name"), f.filename(), body));
  }

  private byte[] read(InputStream in) throws IOException {
    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16,
        options.maxUploadBytes() + 1));
    if (b.length > options.maxUploadBytes()) {
      throw new Refused(413, "the file is over the limit of " + options.maxUploadBytes()
          + " bytes");
    }
    return b;
  }

  private static void uploaded(Context ctx, Watch.Uploaded u) {
    ObjectNode o = WatchJson.M.createObjectNode();
    o.put("project", u.project());
    o.put("file", u.file());
    o.put("format", u.format());
    o.put("packages", u.packages());
    ArrayNode p = o.putArray("problems");
    u.problems().stream().limit(100).forEach(p::add);
    ArrayNode r = o.putArray("raised");
    u.raised().forEach(a -> r.add(WatchJson.alert(a)));
    ArrayNode s = o.putArray("resolved");
    u.resolved().forEach(a -> s.add(WatchJson.alert(a)));
    json(ctx, 200, o);
  }

  private void alerts(Context ctx, Access.Caller c) throws WatchException {
    Optional<Instant> since = Optional.empty();
    String s = ctx.queryParam("since");
    if (s != null && !s.isBlank()) {
      try {
        since = Optional.of(Instant.parse(s.strip()));
      } catch (DateTimeParseException e) {
        throw new Refused(400, "since must be an RFC 3339 time such as 2026-12-07T10:00:00Z");
      }
    }
    ObjectNode o = WatchJson.M.createObjectNode();
    ArrayNode a = o.putArray("alerts");
    for (Alert x : watch.store().alerts(since, state(ctx), Optional.empty(), 10_000)) {
      a.add(WatchJson.alert(x));
    }
    json(ctx, 200, o);
  }

  private static Optional<AlertState> state(Context ctx) {
    String st = ctx.queryParam("state");
    if (st == null || st.isBlank()) {
      return Optional.empty();
    }
    Optional<AlertState> v = AlertState.parse(st);
    if (v.isEmpty()) {
      throw new Refused(400, "state must be new, acknowledged or resolved");
    }
    return v;
  }

  private static long alertId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new Refused(400, "alert ids are numbers");
    }
  }

  private void pkg(Context ctx, Access.Caller c) throws WatchException {
    Optional<Ecosystem> eco = Ecosystem.parse(ctx.pathParam("ecosystem"));
    if (eco.isEmpty()) {
      throw new Refused(400, "ecosystem must be npm or PyPI");
    }
    String rest = ctx.pathParam("rest");
    int slash = rest.lastIndexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new Refused(400, "give /api/packages/ECOSYSTEM/NAME/VERSION");
    }
    VersionKey k = new VersionKey(eco.get(), rest.substring(0, slash), rest.substring(slash + 1));
    Optional<PackageVerdict> v = watch.store().verdict(k);
    if (v.isEmpty()) {
      throw new Refused(404, "no verdict for " + UploadParser.shown(k.toString()));
    }
    ObjectNode o = WatchJson.verdict(v.get());
    ArrayNode ps = o.putArray("projects");
    watch.store().projectsPinning(k).forEach(ps::add);
    json(ctx, 200, o);
  }

  private static void json(Context ctx, int status, Object node) {
    ctx.status(status).contentType("application/json").result(WatchJson.write(node));
  }

  private static void html(Context ctx, int status, String page) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(page);
  }

  private static void refuse(Context ctx, int status, String message) {
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"bulwark-watch\"");
    }
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/metrics")
        || !Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/html")) {
      json(ctx, status, WatchJson.M.createObjectNode().put("error", message));
    } else {
      html(ctx, status, status == 401 ? Dashboard.login(message) : Dashboard.error(status,
          message));
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
