package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.MatchContext;
import dev.bulwark.analysis.rules.QuerySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@link MatchContext} of one scanned file. Not thread-safe; lives for one file. */
final class FileContext implements MatchContext {
  private final ScanFile file;
  private final String lower;
  private final RuleEngine.Prefilter prefilter;
  private final boolean windowed;
  private final FileServices services;
  private final java.util.Map<Set<String>, List<int[]>> regionCache = new java.util.HashMap<>();

  FileContext(ScanFile file, String lower, RuleEngine.Prefilter prefilter, FileServices services) {
    this.file = file;
    this.lower = lower;
    this.prefilter = prefilter;
    this.windowed = RuleEngine.windowed(file.text());
    this.services = services;
  }

  ScanFile file() {
    return file;
  }

  @Override
  public String text() {
    return file.text();
  }

  @Override
  public String lowerText() {
    return lower;
  }

  @Override
  public Language language() {
    return file.language();
  }

  @Override
  public List<int[]> regexRegions() {
    return regexRegions(Set.of());
  }

  @Override
  public boolean mayContain(Set<String> literals) {
    if (literals.isEmpty()) {
      return true;
    }
    for (String l : literals) {
      if (prefilter.found().contains(l)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a regex with these pre-filter literals runs: windows of {@link RuleEngine#WINDOW} chars
   * around every occurrence of its literals when all occurrences are known (its match contains
   * one); otherwise the whole text, except in huge one-line files, which only get windows around
   * the literal hits the pre-filter recorded. A regex without literals always gets the whole text:
   * windows around other rules' literals would only find its match by accident (a 2 MB base64
   * blob is one match), so its result would depend on which literals other rules happen to use.
   */
  @Override
  public List<int[]> regexRegions(Set<String> literals) {
    boolean complete = !literals.isEmpty() && literals.stream().noneMatch(prefilter.truncated()::contains);
    if (literals.isEmpty() || !complete && !windowed) {
      return List.<int[]>of(new int[] {0, file.text().length()});
    }
    return regionCache.computeIfAbsent(literals, l -> {
      List<Integer> at = new java.util.ArrayList<>();
      prefilter.positions().forEach((k, v) -> {
        if (l.isEmpty() || l.contains(k)) {
          at.addAll(v);
        }
      });
      return RuleEngine.regions(file.text(), at);
    });
  }

  @Override
  public int[] positions(String lowerLiteral) {
    if (!prefilter.tracked().contains(lowerLiteral)) {
      return null;
    }
    return prefilter.every().containsKey(lowerLiteral) ? prefilter.every().get(lowerLiteral) : new int[0];
  }

  @Override
  public List<Hit> query(QuerySpec query) {
    return services.query(query);
  }

  @Override
  public List<Hit> heuristic(String name, Map<String, String> params) {
    return services.heuristic(name, params);
  }

  @Override
  public List<Hit> flow(Set<String> sources, Set<String> sinks) {
    return services.flow(sources, sinks);
  }
}
