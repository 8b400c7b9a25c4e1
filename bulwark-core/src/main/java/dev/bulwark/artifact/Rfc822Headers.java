package dev.bulwark.artifact;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one header from Python core metadata (PKG-INFO, METADATA), which uses RFC 822 style
 * "Name: value" lines up to the first blank line. Hand-written because only two headers are
 * needed and the JDK has no parser for this format; the body after the blank line is ignored.
 */
final class Rfc822Headers {
  /** Metadata headers sit at the start; never scan more than this. */
  private static final int MAX_HEADER_BYTES = 256 * 1024;

  private Rfc822Headers() {}

  /** The first value of {@code name} (case-insensitive), trimmed; continuation lines ignored. */
  static Optional<String> first(byte[] content, String name) {
    String text =
        new String(content, 0, Math.min(content.length, MAX_HEADER_BYTES), StandardCharsets.UTF_8);
    String want = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : (Iterable<String>) text.lines()::iterator) {
      if (line.isBlank()) {
        break;
      }
      if (line.toLowerCase(Locale.ROOT).startsWith(want)) {
        String v = line.substring(want.length()).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
