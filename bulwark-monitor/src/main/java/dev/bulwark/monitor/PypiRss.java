package dev.bulwark.monitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * PyPI's RSS feed of updates (one {@code <item>} per release: {@code <title>NAME VERSION</title>}
 * and an RFC 1123 {@code <pubDate>}), read with the same hardened parser as the XML-RPC journal
 * (DOCTYPEs refused: no XXE, no entity expansion), and its cursor: the newest (pubDate, name,
 * version) taken so far.
 */
final class PypiRss {
  static final long MAX_RSS_BYTES = 8L << 20;
  static final int MAX_ITEMS = 10_000;

  /** One release in the feed; also the cursor mark. Ordered by (published, name, version). */
  record Item(Instant published, String name, String version) {
    static final Item NONE = new Item(Instant.EPOCH, "", "");
    static final Comparator<Item> ORDER = Comparator.comparing(Item::published)
        .thenComparing(Item::name).thenComparing(Item::version);

    Item {
      Objects.requireNonNull(published, "published");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }

    boolean after(Item other) {
      return ORDER.compare(this, other) > 0;
    }

    /** {@code MILLIS|NAME|VERSION} (PyPI names and versions never hold a '|'). */
    String encode() {
      return published.toEpochMilli() + "|" + name + "|" + version;
    }

    static Item decode(String s) {
      String[] p = s.split("\\|", 3);
      if (p.length != 3) {
        return NONE;
      }
      try {
        return new Item(Instant.ofEpochMilli(Long.parseLong(p[0])), p[1], p[2]);
      } catch (NumberFormatException e) {
        return NONE;
      }
    }
  }

  private PypiRss() {}

  /** The feed's items, oldest first; items without a parsable title or date are skipped. */
  static List<Item> parse(byte[] body) throws IOException {
    Document d;
    try {
      d = PypiFeed.parser().parse(new ByteArrayInputStream(body));
    } catch (SAXException | ParserConfigurationException e) {
      throw new IOException("malformed RSS: " + e.getMessage(), e);
    }
    Element root = d.getDocumentElement();
    if (root == null || !root.getTagName().equals("rss")) {
      throw new IOException("not an RSS document");
    }
    List<Item> out = new ArrayList<>();
    for (Element channel : children(root, "channel")) {
      for (Element item : children(channel, "item")) {
        if (out.size() >= MAX_ITEMS) {
          break;
        }
        String title = text(item, "title");
        int sp = title.lastIndexOf(' ');
        if (sp <= 0 || sp == title.length() - 1) {
          continue;
        }
        try {
          Instant at = ZonedDateTime.parse(text(item, "pubDate"),
              DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          out.add(new Item(at, title.substring(0, sp).strip(), title.substring(sp + 1).strip()));
        } catch (DateTimeParseException e) {
          // An item without a usable date cannot be placed against the cursor.
        }
      }
    }
    out.sort(Item.ORDER);
    return out;
  }

  private static String text(Element e, String tag) {
    List<Element> c = children(e, tag);
    return c.isEmpty() || c.get(0).getTextContent() == null ? ""
        : c.get(0).getTextContent().strip();
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
}
