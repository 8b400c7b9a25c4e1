package dev.bulwark.inventory.npm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON or YAML document that remembers where each value was written. Jackson's and
 * snakeyaml-engine's own trees are not used directly because only one of them keeps positions, and
 * the extractors want one simple shape for both.
 */
sealed interface Tree permits Tree.Obj, Tree.Arr, Tree.Val {

  /** 1-based line where this value is introduced: its key's line inside an object. */
  int line();

  /** Scalar kinds. YAML scalars get a kind from their resolved tag. */
  enum Kind { STRING, NUMBER, BOOLEAN, NULL }

  /** An object/mapping with string keys, in file order. */
  record Obj(Map<String, Tree> fields, int line) implements Tree {
    /** Takes ownership of {@code fields} (the parsers build a fresh map per object). */
    public Obj {
      fields = java.util.Collections.unmodifiableMap(fields);
    }

    Optional<Tree> get(String key) {
      return Optional.ofNullable(fields.get(key));
    }

    Optional<Obj> obj(String key) {
      return get(key).filter(Obj.class::isInstance).map(Obj.class::cast);
    }

    Optional<Arr> arr(String key) {
      return get(key).filter(Arr.class::isInstance).map(Arr.class::cast);
    }

    /** A string value; absent when missing or of another type. */
    Optional<String> str(String key) {
      return get(key).flatMap(Tree::asString);
    }

    /** A string or number value as text (YAML writes versions such as 1.10 untyped). */
    Optional<String> text(String key) {
      return get(key).flatMap(Tree::asText);
    }

    boolean flag(String key) {
      return get(key).map(t -> t instanceof Val v && v.kind() == Kind.BOOLEAN
          && v.text().equals("true")).orElse(false);
    }

    Optional<Boolean> optFlag(String key) {
      return get(key).filter(t -> t instanceof Val v && v.kind() == Kind.BOOLEAN)
          .map(t -> ((Val) t).text().equals("true"));
    }

    /** True when the key is present with a value that is not of the wanted type. */
    boolean wrongType(String key, Class<? extends Tree> type, Kind kind) {
      Tree t = fields.get(key);
      if (t == null || t instanceof Val v && v.kind() == Kind.NULL) {
        return false;
      }
      return !type.isInstance(t) || t instanceof Val v && v.kind() != kind;
    }
  }

  /** An array/sequence. */
  record Arr(List<Tree> items, int line) implements Tree {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** A scalar, kept as its text. */
  record Val(String text, Kind kind, int line) implements Tree {}

  default Optional<String> asString() {
    return this instanceof Val v && v.kind() == Kind.STRING ? Optional.of(v.text()) : Optional.empty();
  }

  default Optional<String> asText() {
    return this instanceof Val v && (v.kind() == Kind.STRING || v.kind() == Kind.NUMBER)
        ? Optional.of(v.text()) : Optional.empty();
  }

  default Optional<Obj> asObj() {
    return this instanceof Obj o ? Optional.of(o) : Optional.empty();
  }
}
