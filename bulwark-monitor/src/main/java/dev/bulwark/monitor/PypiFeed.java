package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Ecosystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * PyPI's journal: XML-RPC {@code changelog_since_serial(serial)} returns
 * {@code [name, version, timestamp, action, serial]} rows; every version that gained a file is
 * looked up in the JSON API ({@code <json>/<name>/<version>/json}) for its files and sha256. One
 * artifact is judged per version: the sdist (its setup code runs at install) or else the first
 * wheel by file name. The XML is parsed with the JDK's parser, DOCTYPEs refused (no XXE, no
 * entity expansion).
 */
public final class PypiFeed implements FeedSource {
  static final long MAX_JOURNAL_BYTES = 64L << 20;
  static final long MAX_JSON_BYTES = 16L << 20;
  private static final ObjectMapper M = new ObjectMapper();

  /** One journal row. */
  record Entry(String name, String version, long timestamp, String action, long serial) {}

  private final String rpc;
  private final String json;
  private final FeedHttp http;
  private final int maxEntries;

  /**
   * @param rpcUrl the XML-RPC endpoint
   * @param jsonBase the JSON API base
   * @param batch versions looked up per poll (the journal rows read per poll are ten times this)
   */
  public PypiFeed(String rpcUrl, String jsonBase, FeedHttp http, int batch) {
    this.rpc = trim(rpcUrl);
    this.json = trim(jsonBase);
    this.http = http;
    this.maxEntries = Math.max(1, batch) * 10;
  }

  @Override
  public String name() {
    return "pypi";
  }

  @Override
  public Cursor start(boolean fromBeginning, Instant now) throws FeedException, InterruptedException {
    if (fromBeginning) {
      return new Cursor("0", Instant.EPOCH);
    }
    Node v = call("changelog_last_serial", List.of());
    return new Cursor(Long.toString(Long.parseLong(text(v).strip())), now);
  }

  @Override
  public FeedBatch poll(Cursor cursor) throws FeedException, InterruptedException {
    long since;
    try {
      since = Long.parseLong(cursor.position());
    } catch (NumberFormatException e) {
      since = 0;
    }
    List<Entry> entries = entries(call("changelog_since_serial", List.of(since)));
    entries.sort(Comparator.comparingLong(Entry::serial));
    boolean more = entries.size() > maxEntries;
    List<Entry> take = more ? entries.subList(0, maxEntries) : entries;
    long next = take.isEmpty() ? since : take.get(take.size() - 1).serial();
    Map<String, Entry> versions = new LinkedHashMap<>();
    for (Entry e : take) {
      String id = e.name() + "\u0000" + e.version();
      String a = e.action();
      if (a.startsWith("remove")) {
        versions.remove(id);
      } else if (!e.version().isEmpty() && (a.startsWith("add ") && a.contains(" file ")
          || a.equals("new release"))) {
        versions.put(id, e);
      }
    }
    List<VersionEvent> events = new ArrayList<>();
    for (Entry e : versions.values()) {
      lookup(e).ifPresent(events::add);
    }
    return new FeedBatch(events, Long.toString(next), more, next < since);
  }

  /** The version's artifact from the JSON API; empty when the version has no file. */
  Optional<VersionEvent> lookup(Entry e) throws FeedException, InterruptedException {
    String url = json + "/" + URLEncoder.encode(e.name(), StandardCharsets.UTF_8) + "/"
        + URLEncoder.encode(e.version(), StandardCharsets.UTF_8) + "/json";
    Optional<JsonNode> doc = http.get(url, MAX_JSON_BYTES, body -> {
      JsonNode t = M.readTree(body);
      if (t == null || !t.isObject()) {
        throw new IOException("JSON API answer is not an object");
      }
      return t;
    });
    return doc.flatMap(d -> pick(e, d));
  }

  static Optional<VersionEvent> pick(Entry e, JsonNode doc) {
    JsonNode best = null;
    for (JsonNode f : doc.path("urls")) {
      if (f.path("yanked").asBoolean(false) || f.path("url").asText("").isEmpty()) {
        continue;
      }
      if (best == null || rank(f) < rank(best) || rank(f) == rank(best)
          && f.path("filename").asText().compareTo(best.path("filename").asText()) < 0) {
        best = f;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String name = doc.path("info").path("name").asText(e.name());
    Instant published = NpmFeed.instant(best.path("upload_time_iso_8601").asText(""));
    if (published.equals(Instant.EPOCH) && e.timestamp() > 0) {
      published = Instant.ofEpochSecond(e.timestamp());
    }
    return Optional.of(new VersionEvent(new VersionKey(Ecosystem.PYPI, name, e.version()),
        best.path("url").asText(), ArtifactHash.fromHex("sha256",
            best.path("digests").path("sha256").asText("")), published, "pypi",
        Long.toString(e.serial())));
  }

  private static int rank(JsonNode f) {
    return switch (f.path("packagetype").asText("")) {
      case "sdist" -> 0;
      case "bdist_wheel" -> 1;
      default -> 2;
    };
  }

  private Node call(String method, List<Long> args) throws FeedException, InterruptedException {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>")
        .append(method).append("</methodName><params>");
    for (long a : args) {
      b.append("<param><value><int>").append(a).append("</int></value></param>");
    }
    b.append("</params></methodCall>");
    Optional<Node> r = http.post(rpc, "text/xml", b.toString().getBytes(StandardCharsets.UTF_8),
        MAX_JOURNAL_BYTES, PypiFeed::response);
    return r.orElseThrow(() -> new FeedException(rpc, "no XML-RPC endpoint here (HTTP 404)"));
  }

  /** The {@code <value>} of a methodResponse; a fault or a malformed body is an IOException. */
  static Node response(byte[] body) throws IOException {
    Document d;
    try {
      d = parser().parse(new ByteArrayInputStream(body));
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException("malformed XML-RPC response: " + e.getMessage(), e);
    }
    Element root = d.getDocumentElement();
    if (root == null || !root.getTagName().equals("methodResponse")) {
      throw new IOException("not an XML-RPC methodResponse");
    }
    Element fault = child(root, "fault");
    if (fault != null) {
      throw new IOException("XML-RPC fault: " + root.getTextContent().strip());
    }
    Element params = child(root, "params");
    Element param = params == null ? null : child(params, "param");
    Element value = param == null ? null : child(param, "value");
    if (value == null) {
      throw new IOException("XML-RPC response without a value");
    }
    return value;
  }

  static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new org.xml.sax.ErrorHandler() {
      @Override
      public void warning(org.xml.sax.SAXParseException e) {
        // Warnings do not stop the parse.
      }

      @Override
      public void error(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
      }

      @Override
      public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
      }
    });
    return b;
  }

  /** The journal rows of a {@code changelog_since_serial} value (an array of 5-arrays). */
  static List<Entry> entries(Node value) {
    List<Entry> out = new ArrayList<>();
    Element array = child((Element) value, "array");
    Element data = array == null ? null : child(array, "data");
    if (data == null) {
      return out;
    }
    for (Element row : children(data, "value")) {
      Element ra = child(row, "array");
      Element rd = ra == null ? null : child(ra, "data");
      if (rd == null) {
        continue;
      }
      List<Element> cols = children(rd, "value");
      if (cols.size() < 5) {
        continue;
      }
      try {
        out.add(new Entry(text(cols.get(0)).strip(), text(cols.get(1)).strip(),
            Long.parseLong(text(cols.get(2)).strip()), text(cols.get(3)).strip(),
            Long.parseLong(text(cols.get(4)).strip())));
      } catch (NumberFormatException e) {
        // A row with a non-numeric serial or time is skipped.
      }
    }
    return out;
  }

  private static String text(Node n) {
    return n.getTextContent() == null ? "" : n.getTextContent();
  }

  private static Element child(Element e, String tag) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element el && el.getTagName().equals(tag)) {
        return el;
      }
    }
    return null;
  }

  private static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element el && el.getTagName().equals(tag)) {
        out.add(el);
      }
    }
    return out;
  }

  private static String trim(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
