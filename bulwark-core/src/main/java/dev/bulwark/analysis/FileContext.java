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
  private final List<int[]> regions;
  private final FileServices services;
  private String lower;

  FileContext(ScanFile file, List<int[]> regions, FileServices services) {
    this.file = file;
    this.regions = regions;
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
    if (lower == null) {
      char[] c = file.text().toCharArray();
      for (int i = 0; i < c.length; i++) {
        c[i] = Character.toLowerCase(c[i]);
      }
      lower = new String(c);
    }
    return lower;
  }

  @Override
  public Language language() {
    return file.language();
  }

  @Override
  public List<int[]> regexRegions() {
    return regions;
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
