package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.QuerySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The costly per-file services behind {@link dev.bulwark.analysis.rules.MatchContext}: syntax
 * trees, heuristics, data flow. One instance serves one file on one thread and is closed after it.
 */
interface FileServices extends AutoCloseable {
  List<Hit> query(QuerySpec query);

  List<Hit> heuristic(String name, Map<String, String> params);

  List<Hit> flow(Set<String> sources, Set<String> sinks);

  /** Why part of the file was not analysed (parse or query ran out of time), "" when all was. */
  String skippedReason();

  @Override
  void close();

  /** Services that find nothing (for files with no tree-based rules). */
  static FileServices none() {
    return new FileServices() {
      @Override
      public List<Hit> query(QuerySpec query) {
        return List.of();
      }

      @Override
      public List<Hit> heuristic(String name, Map<String, String> params) {
        return List.of();
      }

      @Override
      public List<Hit> flow(Set<String> sources, Set<String> sinks) {
        return List.of();
      }

      @Override
      public String skippedReason() {
        return "";
      }

      @Override
      public void close() {}
    };
  }
}
