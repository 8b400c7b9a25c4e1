package dev.bulwark.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/** Lenient JSON (comments, trailing commas, single quotes) as VS Code and tools accept it. */
final class Jsonc {
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder()
                  .maxNestingDepth(200).maxStringLength(8 << 20).build())
              .build())
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .build();

  private Jsonc() {}

  static Optional<JsonNode> parse(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      return Optional.ofNullable(n);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A string, or the elements of an array of strings joined by spaces, or "". */
  static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode e : n) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(e.isTextual() ? e.asText() : e.path("value").asText(e.toString()));
      }
      return b.toString();
    }
    return n.isValueNode() ? n.asText() : "";
  }

  /** 1-based line of the first occurrence of {@code needle}, else 1. */
  static int lineOf(String text, String needle) {
    if (needle.isEmpty()) {
      return 1;
    }
    int i = text.indexOf(needle);
    if (i < 0) {
      return 1;
    }
    int line = 1;
    for (int k = 0; k < i; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
