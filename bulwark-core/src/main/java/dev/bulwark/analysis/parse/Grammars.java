package dev.bulwark.analysis.parse;

import dev.bulwark.analysis.rules.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterJson;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

/**
 * The tree-sitter grammars, loaded once. Languages are immutable and shared; parsers are not
 * thread-safe, so each thread gets its own.
 */
final class Grammars {
  private static final Map<Language, TSLanguage> LANGUAGES = load();
  private static final ThreadLocal<Map<Language, TSParser>> PARSERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

  private Grammars() {}

  private static Map<Language, TSLanguage> load() {
    Map<Language, TSLanguage> m = new EnumMap<>(Language.class);
    m.put(Language.JAVASCRIPT, new TreeSitterJavascript());
    m.put(Language.TYPESCRIPT, new TreeSitterTypescript());
    m.put(Language.PYTHON, new TreeSitterPython());
    m.put(Language.BASH, new TreeSitterBash());
    m.put(Language.JSON, new TreeSitterJson());
    return m;
  }

  static boolean parseable(Language l) {
    return LANGUAGES.containsKey(l);
  }

  static Optional<TSLanguage> language(Language l) {
    return Optional.ofNullable(LANGUAGES.get(l));
  }

  /** This thread's parser for the language. */
  static TSParser parser(Language l) {
    return PARSERS.get().computeIfAbsent(l, k -> {
      TSParser p = new TSParser();
      p.setLanguage(LANGUAGES.get(k));
      return p;
    });
  }
}
