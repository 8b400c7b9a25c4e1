package dev.bulwark.registry;

import java.util.List;
import java.util.Objects;

/**
 * Where PyPI packages come from, as the user's pip would decide it.
 *
 * @param index the index (Simple API) URL, without a trailing slash
 * @param extraIndexes extra index URLs (pip merges them with the main one: a dependency-confusion
 *     shape)
 * @param origin where the index was found
 */
public record PypiSettings(String index, List<String> extraIndexes, String origin) {
  public PypiSettings {
    Objects.requireNonNull(index, "index");
    extraIndexes = List.copyOf(extraIndexes);
    Objects.requireNonNull(origin, "origin");
  }

  /** The JSON API base: the index URL without its trailing "/simple". */
  public String jsonBase() {
    return index.endsWith("/simple") ? index.substring(0, index.length() - "/simple".length()) : index;
  }
}
