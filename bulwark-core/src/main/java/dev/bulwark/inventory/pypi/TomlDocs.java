package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseOptions;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * TOML reading with tomlj, plus lenient typed access: a value of the wrong type reads as absent
 * instead of throwing, and keys are always taken literally (never as dotted paths, since package
 * names such as "zope.interface" contain dots).
 */
final class TomlDocs {
  /** Deepest nesting of tables and arrays accepted; lockfiles use fewer than 6 levels. */
  static final int MAX_DEPTH = 32;

  /**
   * Largest TOML text parsed, in characters. tomlj parses well under 1 MB/s on a busy machine,
   * so this bounds the time one file can take; real lockfiles are a few MB at most.
   */
  static final int MAX_CHARS = 24 << 20;

  private TomlDocs() {}

  /** Parses the whole input; any syntax error fails the file, naming the error's line. */
  static TomlParseResult parse(LockfileInput in) throws ExtractionException {
    if (in.text().length() > MAX_CHARS) {
      throw new ExtractionException(in.displayPath(), 0,
          "TOML file too large to parse: " + in.text().length() + " characters, limit " + MAX_CHARS);
    }
    TomlParseResult r;
    try {
      r = Toml.parse(in.text(), TomlParseOptions.defaults().withMaxNestingDepth(MAX_DEPTH));
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExtractionException(in.displayPath(), 0, "cannot parse TOML: " + e.getClass().getSimpleName());
    }
    if (r.hasErrors()) {
      TomlParseError e = r.errors().get(0);
      TomlPosition p = e.position();
      String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
      throw new ExtractionException(in.displayPath(), p == null ? 0 : p.line(),
          "invalid TOML: " + Pep508.shorten(msg, 200) + more(r.errors().size()));
    }
    return r;
  }

  private static String more(int errors) {
    return errors > 1 ? " (and " + (errors - 1) + " more errors)" : "";
  }

  static String str(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof String s ? s : "";
  }

  static boolean bool(TomlTable t, String key) {
    return t.get(List.of(key)) instanceof Boolean b && b;
  }

  static Optional<TomlTable> table(TomlTable t, String key) {
    return t.get(List.of(key)) instanceof TomlTable tt ? Optional.of(tt) : Optional.empty();
  }

  static Optional<TomlTable> table(TomlTable t, List<String> path) {
    return t.get(path) instanceof TomlTable tt ? Optional.of(tt) : Optional.empty();
  }

  static Optional<TomlArray> array(TomlTable t, String key) {
    return t.get(List.of(key)) instanceof TomlArray a ? Optional.of(a) : Optional.empty();
  }

  /** The tables of an array (array of tables or array of inline tables); others skipped. */
  static List<Indexed<TomlTable>> tables(TomlTable t, String key) {
    List<Indexed<TomlTable>> out = new ArrayList<>();
    array(t, key).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TomlTable tt) {
          out.add(new Indexed<>(tt, line(a, i)));
        }
      }
    });
    return out;
  }

  /** The strings of an array; others skipped. */
  static List<Indexed<String>> strings(TomlTable t, String key) {
    return strings(array(t, key));
  }

  static List<Indexed<String>> strings(Optional<TomlArray> array) {
    List<Indexed<String>> out = new ArrayList<>();
    array.ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof String s) {
          out.add(new Indexed<>(s, line(a, i)));
        }
      }
    });
    return out;
  }

  /** The entries of a table in file order, with each key's line. */
  static List<Keyed> entries(TomlTable t) {
    List<Keyed> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : t.entrySet()) {
      out.add(new Keyed(e.getKey(), e.getValue(), line(t, e.getKey())));
    }
    out.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return out;
  }

  static int line(TomlTable t, String key) {
    TomlPosition p = t.inputPositionOf(List.of(key));
    return p == null ? 0 : p.line();
  }

  static int line(TomlArray a, int index) {
    TomlPosition p = a.inputPositionOf(index);
    return p == null ? 0 : p.line();
  }

  static SourceLocation at(LockfileInput in, int line) {
    return SourceLocation.of(in.displayPath(), Math.max(0, line));
  }

  /** A value with the line where it is written. */
  record Indexed<T>(T value, int line) {}

  /** A table entry with the line of its key. */
  record Keyed(String key, Object value, int line) {}
}
