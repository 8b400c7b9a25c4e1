package dev.bulwark.cli;

import dev.bulwark.report.CycloneDxRenderer;
import dev.bulwark.report.ReportData;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code bulwark audit --upload URL}: sends the audited inventory, as a CycloneDX SBOM, to the
 * organisation watch ({@code PUT URL?file=bom.cdx.json}, URL being
 * {@code http://HOST:PORT/api/projects/NAME}), with the token from {@code BULWARK_WATCH_TOKEN}.
 */
final class AuditUpload {
  static final String TOKEN_VAR = "BULWARK_WATCH_TOKEN";

  private AuditUpload() {}

  /** Uploads; returns the server's answer, or throws with a message for the user. */
  static String upload(Env env, String url, ReportData.Audit data) throws IOException {
    String token = env.vars().getOrDefault(TOKEN_VAR, "").strip();
    if (token.isEmpty()) {
      throw new IOException("set " + TOKEN_VAR + " to an upload-only (or admin) token");
    }
    URI target;
    try {
      URI u = URI.create(url);
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
      target = URI.create(url + (url.contains("?") ? "&" : "?") + "file=bom.cdx.json");
    } catch (IllegalArgumentException e) {
      throw new IOException("--upload must be http(s)://HOST:PORT/api/projects/NAME, not '"
          + url + "'");
    }
    StringWriter w = new StringWriter();
    CycloneDxRenderer.render(data, w);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(target)
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/vnd.cyclonedx+json")
          .PUT(HttpRequest.BodyPublishers.ofString(w.toString(), StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IOException("the watch answered " + r.statusCode() + ": " + r.body().strip());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
