package dev.bulwark.inventory.npm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (and bun's JSON-with-comments) into a {@link Tree} that keeps the line of every key,
 * with bounded nesting, string and token sizes. Duplicate keys keep the last value, as
 * {@code JSON.parse} in npm does, and are reported.
 */
final class JsonTrees {
  static final int MAX_DEPTH = 500;
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxStringLength(4 << 20)
      .maxNameLength(64 << 10)
      .maxNumberLength(100)
      .maxTokenCount(50_000_000L)
      .build();
  private static final JsonFactory STRICT = JsonFactory.builder()
      .streamReadConstraints(LIMITS).build();
  private static final JsonFactory JSONC = JsonFactory.builder()
      .streamReadConstraints(LIMITS)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  private JsonTrees() {}

  /** Parses a document whose top level must be an object. */
  static Tree.Obj parseObject(LockfileInput in, boolean jsonc, Issues issues)
      throws ExtractionException {
    JsonFactory f = jsonc ? JSONC : STRICT;
    try (JsonParser p = f.createParser(in.text())) {
      try {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
          throw new ExtractionException(in.displayPath(), lineOf(p.currentTokenLocation()),
              first == null ? "empty file, expected a JSON object" : "expected a JSON object");
        }
        Tree.Obj root = (Tree.Obj) read(p, 1, issues);
        if (p.nextToken() != null) {
          throw new ExtractionException(in.displayPath(), lineOf(p.currentTokenLocation()),
              "unexpected content after the JSON object");
        }
        return root;
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw new ExtractionException(in.displayPath(), lineOf(loc),
            "not valid JSON: " + Issues.clean(withoutSource(e.getOriginalMessage())));
      }
    } catch (IOException e) {
      throw new ExtractionException(in.displayPath(), 0, "cannot read JSON: "
          + Issues.clean(String.valueOf(e.getMessage())));
    }
  }

  /** Jackson's messages may append a "(start marker at [Source: …])" note; it adds nothing here. */
  private static String withoutSource(String message) {
    String m = String.valueOf(message);
    int cut = m.indexOf(" (start marker at ");
    return cut < 0 ? m : m.substring(0, cut);
  }

  private static int lineOf(JsonLocation loc) {
    return loc == null ? 0 : Math.max(0, loc.getLineNr());
  }

  /** Reads the value at the current token. Recursion is bounded by {@link #MAX_DEPTH}. */
  private static Tree read(JsonParser p, int line, Issues issues) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null || t == JsonToken.END_OBJECT) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Tree> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = lineOf(p.currentTokenLocation());
          p.nextToken();
          Tree value = read(p, keyLine, issues);
          if (fields.put(name, value) != null) {
            issues.add("duplicate-key", "key \"" + name + "\" appears more than once; the last"
                + " one is used", keyLine);
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
        }
        return new Tree.Obj(fields, line);
      }
      case START_ARRAY: {
        List<Tree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, lineOf(p.currentTokenLocation()), issues));
        }
        return new Tree.Arr(items, line);
      }
      case VALUE_STRING:
        return new Tree.Val(p.getText(), Tree.Kind.STRING, line);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Tree.Val(p.getText(), Tree.Kind.NUMBER, line);
      case VALUE_TRUE:
        return new Tree.Val("true", Tree.Kind.BOOLEAN, line);
      case VALUE_FALSE:
        return new Tree.Val("false", Tree.Kind.BOOLEAN, line);
      default:
        return new Tree.Val("", Tree.Kind.NULL, line);
    }
  }
}
