package dev.bulwark.analysis.parse;

import dev.bulwark.analysis.rules.Language;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Compiled queries by language and source text, shared by all threads. */
public final class QueryCache {
  private record Key(Language language, String source) {}

  private static final ConcurrentMap<Key, CompiledQuery> CACHE = new ConcurrentHashMap<>();

  private QueryCache() {}

  static CompiledQuery get(Language language, String source) {
    return CACHE.computeIfAbsent(new Key(language, source),
        k -> CompiledQuery.compile(Grammars.language(language).orElseThrow(), source));
  }

  /**
   * Checks a rule's query for a language: an error message when invalid. Languages without a
   * grammar (text, any, binary) cannot run queries and are an error too.
   */
  public static Optional<String> check(Language language, String source) {
    if (!Grammars.parseable(language)) {
      return Optional.of("queries need a parsed language (javascript, typescript, python, bash, json)");
    }
    try {
      get(language, source);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }
}
