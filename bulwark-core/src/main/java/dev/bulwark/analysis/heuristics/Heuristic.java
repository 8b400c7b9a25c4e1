package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.parse.SharedParse;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import java.util.List;
import java.util.Map;

/**
 * A coded check. It runs on every file as a rule of its own (with {@link #meta()}), and YAML
 * rules can call it by {@link #name()} through {@code heuristic:}. Implementations are stateless
 * and thread-safe, and bound their own work.
 */
public interface Heuristic {
  /** The name YAML rules use, e.g. "entropy". */
  String name();

  /** Id, severity, explanation … of the findings it reports on its own. */
  RuleMeta meta();

  /** Where it fires in the file; {@code params} come from a YAML rule ("" map on its own). */
  List<Hit> find(ScanFile file, PackageView pkg, Map<String, String> params);

  /**
   * As {@link #find(ScanFile, PackageView, Map)}, with the file's shared parse: a heuristic that
   * reads the file's syntax tree takes it from there, so the file is parsed once for the rules
   * and the heuristics (see {@link SharedParse}).
   */
  default List<Hit> find(ScanFile file, PackageView pkg, Map<String, String> params, SharedParse parses) {
    return find(file, pkg, params);
  }

  /** False for heuristics that only serve YAML rules and report nothing on their own. */
  default boolean standalone() {
    return true;
  }

  /** True for heuristics that also judge virtual files (npm lifecycle scripts, setup.py#install). */
  default boolean seesVirtualFiles() {
    return false;
  }

  /** Reads an integer parameter with a default. */
  static int intParam(Map<String, String> params, String key, int dflt) {
    try {
      return Integer.parseInt(params.getOrDefault(key, String.valueOf(dflt)).trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /** Reads a decimal parameter with a default. */
  static double doubleParam(Map<String, String> params, String key, double dflt) {
    try {
      return Double.parseDouble(params.getOrDefault(key, String.valueOf(dflt)).trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
