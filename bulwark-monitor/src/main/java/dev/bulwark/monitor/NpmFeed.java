package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * npm's CouchDB-style replication feed: {@code GET <changes>/_changes?since=SEQ&limit=N} gives
 * {@code {results: [{seq, id, deleted}], last_seq}}; then the packument of each changed name
 * ({@code GET <registry>/<name>}) gives its versions with {@code dist.tarball},
 * {@code dist.integrity} and the publish time from {@code time}. {@code seq} is opaque except for
 * one check: a {@code last_seq} whose leading number is below the cursor's means the feed was
 * reset, and the follower starts again from 0 (versions already queued are filtered by the
 * cursor store, so nothing is queued twice).
 */
public final class NpmFeed implements FeedSource {
  static final long MAX_CHANGES_BYTES = 32L << 20;
  static final long MAX_PACKUMENT_BYTES = 64L << 20;
  static final int MAX_VERSIONS = 20_000;
  private static final ObjectMapper M = new ObjectMapper();

  private final String changes;
  private final String registry;
  private final FeedHttp http;
  private final int limit;

  /**
   * @param changesUrl the database whose {@code _changes} is read (no trailing slash needed)
   * @param registryUrl where packuments are read from
   * @param limit changes per poll
   */
  public NpmFeed(String changesUrl, String registryUrl, FeedHttp http, int limit) {
    this.changes = trim(changesUrl);
    this.registry = trim(registryUrl);
    this.http = http;
    this.limit = Math.max(1, limit);
  }

  @Override
  public String name() {
    return "npm";
  }

  @Override
  public Cursor start(boolean fromBeginning, Instant now) throws FeedException, InterruptedException {
    if (fromBeginning) {
      return new Cursor("0", Instant.EPOCH);
    }
    String url = changes + "/_changes?descending=true&limit=1";
    JsonNode n = http.get(url, MAX_CHANGES_BYTES, M::readTree)
        .orElseThrow(() -> new FeedException(url, "no changes feed here (HTTP 404)"));
    return new Cursor(seqText(n.path("last_seq")), now);
  }

  @Override
  public FeedBatch poll(Cursor cursor) throws FeedException, InterruptedException {
    FeedBatch b = pollFrom(cursor.position());
    long since = leadingNumber(cursor.position());
    long last = leadingNumber(b.next());
    if (since > 0 && last >= 0 && last < since) {
      FeedBatch again = pollFrom("0");
      return new FeedBatch(again.events(), again.next(), again.more(), true);
    }
    return b;
  }

  private FeedBatch pollFrom(String since) throws FeedException, InterruptedException {
    String url = changes + "/_changes?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)
        + "&limit=" + limit;
    JsonNode n = http.get(url, MAX_CHANGES_BYTES, body -> {
      JsonNode t = M.readTree(body);
      if (t == null || !t.has("last_seq") || !t.path("results").isArray()) {
        throw new java.io.IOException("changes response without results and last_seq");
      }
      return t;
    }).orElseThrow(() -> new FeedException(url, "no changes feed here (HTTP 404)"));
    Map<String, String> changed = new LinkedHashMap<>();
    for (JsonNode r : n.path("results")) {
      String id = r.path("id").asText("");
      if (id.isEmpty() || id.startsWith("_design/")) {
        continue;
      }
      changed.remove(id);
      if (r.path("deleted").asBoolean(false)) {
        continue; // unpublished: nothing to judge
      }
      changed.put(id, seqText(r.path("seq")));
    }
    List<VersionEvent> events = new ArrayList<>();
    for (Map.Entry<String, String> c : changed.entrySet()) {
      events.addAll(versions(c.getKey(), c.getValue()));
    }
    int count = n.path("results").size();
    boolean more = n.has("pending") ? n.path("pending").asLong(0) > 0 : count >= limit;
    return new FeedBatch(events, seqText(n.path("last_seq")), more, false);
  }

  /** The versions of one packument; empty when the package is gone or unpublished. */
  List<VersionEvent> versions(String name, String seq) throws FeedException, InterruptedException {
    String url = registry + "/" + encodeName(name);
    Optional<JsonNode> doc = http.get(url, MAX_PACKUMENT_BYTES, body -> {
      JsonNode t = M.readTree(body);
      if (t == null || !t.isObject()) {
        throw new java.io.IOException("packument is not a JSON object");
      }
      return t;
    });
    if (doc.isEmpty() || doc.get().path("time").has("unpublished")) {
      return List.of();
    }
    return parsePackument(name, doc.get(), seq);
  }

  static List<VersionEvent> parsePackument(String name, JsonNode doc, String seq) {
    List<VersionEvent> out = new ArrayList<>();
    JsonNode time = doc.path("time");
    Iterator<Map.Entry<String, JsonNode>> it = doc.path("versions").fields();
    while (it.hasNext() && out.size() < MAX_VERSIONS) {
      Map.Entry<String, JsonNode> v = it.next();
      JsonNode dist = v.getValue().path("dist");
      String tarball = dist.path("tarball").asText("");
      if (tarball.isEmpty()) {
        continue;
      }
      ArtifactHash hash = ArtifactHash.fromSri(dist.path("integrity").asText(""));
      if (hash.algorithm().equals("none")) {
        hash = ArtifactHash.fromHex("sha1", dist.path("shasum").asText(""));
      }
      out.add(new VersionEvent(new VersionKey(Ecosystem.NPM, name, v.getKey()), tarball, hash,
          instant(time.path(v.getKey()).asText("")), "npm", seq));
    }
    return out;
  }

  static Instant instant(String s) {
    try {
      return s.isEmpty() ? Instant.EPOCH : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** "@scope/name" is fetched as "@scope%2fname", as npm clients do. */
  static String encodeName(String name) {
    if (name.startsWith("@") && name.indexOf('/') > 0) {
      int slash = name.indexOf('/');
      return "@" + URLEncoder.encode(name.substring(1, slash), StandardCharsets.UTF_8) + "%2f"
          + URLEncoder.encode(name.substring(slash + 1), StandardCharsets.UTF_8);
    }
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private static String seqText(JsonNode seq) {
    return seq.isTextual() ? seq.asText() : seq.isMissingNode() || seq.isNull() ? "0" : seq.toString();
  }

  /** The leading decimal number of a seq ("123-g1AAA" → 123); -1 when there is none. */
  static long leadingNumber(String seq) {
    int i = 0;
    while (i < seq.length() && i < 18 && Character.isDigit(seq.charAt(i))) {
      i++;
    }
    return i == 0 ? -1 : Long.parseLong(seq.substring(0, i));
  }

  private static String trim(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
