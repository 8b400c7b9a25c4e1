package dev.bulwark.version;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, thread-safe memo of parsed versions. Advisory matching compares the same few
 * thousand version strings many times; parsing each time dominated the audit's profile. When the
 * cache is full it is cleared (simple, and bounded memory whatever the input).
 */
final class ParseCache<T> {
  private static final int MAX_ENTRIES = 50_000;
  private static final int MAX_KEY = 256;
  private final ConcurrentHashMap<String, Optional<T>> map = new ConcurrentHashMap<>();
  private final Function<String, Optional<T>> parser;

  ParseCache(Function<String, Optional<T>> parser) {
    this.parser = parser;
  }

  Optional<T> get(String s) {
    if (s.length() > MAX_KEY) {
      return parser.apply(s);
    }
    Optional<T> v = map.get(s);
    if (v == null) {
      v = parser.apply(s);
      if (map.size() >= MAX_ENTRIES) {
        map.clear();
      }
      map.put(s, v);
    }
    return v;
  }
}
