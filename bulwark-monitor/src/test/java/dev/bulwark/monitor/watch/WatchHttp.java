package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helpers: an HTTP client for the watch, and a loopback webhook receiver. */
final class WatchHttp {
  static final ObjectMapper M = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private WatchHttp() {}

  record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return M.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  static Answer send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), r.headers());
  }

  static HttpRequest.Builder req(int port, String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  static Answer get(int port, String path, String token) throws Exception {
    return send(req(port, path, token).GET());
  }

  static Answer put(int port, String path, String token, String body) throws Exception {
    return send(req(port, path, token).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = WatchHttp.class.getResourceAsStream("testdata/" + name)) {
      if (in == null) {
        throw new IOException("no testdata " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A loopback webhook receiver that records each body (optionally failing the first N). */
  static final class Receiver implements AutoCloseable {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    volatile int failFirst;
    private final HttpServer server;

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/hook", x -> {
        byte[] body = x.getRequestBody().readAllBytes();
        int code = 200;
        synchronized (this) {
          if (failFirst > 0) {
            failFirst--;
            code = 503;
          } else {
            bodies.add(new String(body, StandardCharsets.UTF_8));
            arrivals.add(System.nanoTime());
          }
        }
        x.sendResponseHeaders(code, -1);
        x.close();
      });
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
