package dev.bulwark.analysis.rules;

import java.util.List;
import java.util.Set;

/** {@code flow}: a value from a named source reaches a named sink inside one file. */
record FlowMatcher(Set<String> sources, Set<String> sinks, Set<String> prefilter) implements Matcher {
  /** The source names the engine understands. */
  static final Set<String> SOURCES =
      Set.of(
          "env",
          "credential-file",
          "browser-profile",
          "wallet-file",
          "clipboard",
          "keychain",
          "hostname",
          "decoded",
          "fetched",
          "wallet-secret");

  /** The sink names the engine understands. */
  static final Set<String> SINKS = Set.of("network", "eval", "process", "file-write-exec", "file-write");

  FlowMatcher {
    sources = Set.copyOf(sources);
    sinks = Set.copyOf(sinks);
    prefilter = Set.copyOf(prefilter);
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    return ctx.mayContain(prefilter) ? Hits.normalize(ctx.flow(sources, sinks)) : List.of();
  }

  @Override
  public Set<String> requiredLiterals() {
    return prefilter;
  }

  @Override
  public boolean needsTree() {
    return true;
  }
}
