package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yarn classic (v1) lockfile line format. Hand-written because it is not YAML: an entry is a
 * header line of comma-separated, optionally quoted specifiers ending in ':', then lines indented
 * by two spaces ("version \"1.0.0\"") and blocks such as "dependencies:" whose lines are indented
 * by four.
 */
final class YarnClassicParser {
  /** Malformed lines tolerated before the file is refused as not a yarn.lock at all. */
  static final int MAX_BAD_LINES = 50;

  /** One entry: its specifiers ("lodash@^4.17.4"), scalar fields and nested blocks. */
  record Entry(List<String> specifiers, int line, Map<String, String> fields,
      Map<String, Map<String, String>> blocks) {}

  private final LockfileInput input;
  private final Issues issues;
  private int badLines;
  private int firstBadLine;

  YarnClassicParser(LockfileInput input, Issues issues) {
    this.input = input;
    this.issues = issues;
  }

  List<Entry> parse() throws ExtractionException {
    List<Entry> entries = new ArrayList<>();
    String text = input.text();
    Entry current = null;
    Map<String, String> block = null;
    int lineNo = 0;
    int pos = 0;
    while (pos <= text.length()) {
      int end = text.indexOf('\n', pos);
      end = end < 0 ? text.length() : end;
      String line = text.substring(pos, end);
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      pos = end + 1;
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent == 0) {
        block = null;
        current = header(trimmed, lineNo);
        if (current != null) {
          entries.add(current);
        }
      } else if (indent == 2 && current != null) {
        block = property(current, trimmed, lineNo);
      } else if (indent == 4 && block != null) {
        List<String> kv = YarnTokens.split(trimmed);
        if (kv.size() == 2) {
          block.put(kv.get(0), kv.get(1));
        } else {
          bad(lineNo, "a dependency line is not \"name range\"");
        }
      } else {
        bad(lineNo, "unexpected indentation");
      }
    }
    if (entries.isEmpty() && badLines > 0) {
      throw new ExtractionException(input.displayPath(), firstBadLine,
          "not a yarn.lock: no entry could be read");
    }
    return entries;
  }

  private Entry header(String trimmed, int lineNo) throws ExtractionException {
    if (!trimmed.endsWith(":")) {
      bad(lineNo, "an entry header does not end with ':'");
      return null;
    }
    List<String> specs = YarnTokens.specifiers(trimmed.substring(0, trimmed.length() - 1));
    if (specs.isEmpty()) {
      bad(lineNo, "an entry header has no specifier");
      return null;
    }
    return new Entry(specs, lineNo, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** Reads "key value" or "key:"; returns the block that following lines fill, if any. */
  private Map<String, String> property(Entry e, String trimmed, int lineNo)
      throws ExtractionException {
    if (trimmed.endsWith(":")) {
      List<String> key = YarnTokens.split(trimmed.substring(0, trimmed.length() - 1));
      if (key.size() == 1) {
        Map<String, String> block = new LinkedHashMap<>();
        e.blocks().put(key.get(0), block);
        return block;
      }
    }
    List<String> kv = YarnTokens.split(trimmed);
    if (kv.size() > 2 && kv.get(0).equals("integrity")) {
      // yarn 1 writes every hash it knows, space-separated as SRI allows ("sha1-… sha512-…").
      kv = List.of("integrity", strongest(kv.subList(1, kv.size())));
    }
    if (kv.size() != 2) {
      bad(lineNo, "a field is not \"key value\"");
      return null;
    }
    if (e.fields().put(kv.get(0), kv.get(1)) != null) {
      issues.add("duplicate-key", "field \"" + kv.get(0) + "\" appears more than once in one"
          + " entry; the last one is used", lineNo);
    }
    return null;
  }

  /** The strongest of several SRI hashes (sha512 over sha384, sha256 and sha1). */
  static String strongest(List<String> hashes) {
    List<String> order = List.of("sha512-", "sha384-", "sha256-", "sha1-");
    for (String prefix : order) {
      for (String h : hashes) {
        if (h.startsWith(prefix)) {
          return h;
        }
      }
    }
    return hashes.get(0);
  }

  private void bad(int lineNo, String why) throws ExtractionException {
    if (badLines++ == 0) {
      firstBadLine = lineNo;
    }
    if (badLines > MAX_BAD_LINES) {
      throw new ExtractionException(input.displayPath(), firstBadLine,
          "not a yarn.lock: more than " + MAX_BAD_LINES + " malformed lines");
    }
    issues.add("parse-error", why + "; line skipped", lineNo);
  }
}
