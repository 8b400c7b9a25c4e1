package dev.bulwark.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a text contains some of a fixed set of literals, the pre-checks a pass makes before it
 * does any work ({@code fromCharCode}, {@code child_process}, …): one Aho–Corasick pass
 * ({@link LiteralScanner}) over the text answers them all, where each {@code String.contains} of
 * an absent literal reads the whole text again. The answer for the last text asked is kept per
 * thread and gate set (weakly: it never keeps a text alive), since the passes that ask run one
 * after the other on the same text. A literal outside the set is looked up with {@code contains}.
 *
 * <p>The pass pays without the optimising JIT (the launcher's choice below 200 MiB of input): on 40
 * Debian Python files and the 21 deobfuscation literals, 21 {@code contains} calls cost 3 to 5 times
 * one pass with {@code -XX:TieredStopAtLevel=1}. With C2, which compiles {@code String.indexOf} to
 * a vector search, the 21 calls cost about a tenth of the pass: the pass then adds a few
 * nanoseconds per character of code, a fraction of a percent of a scan. Thread-safe.
 */
public final class TextGates {
  /**
   * The pre-checks of deobfuscation ({@code analysis.deobf}) and of the exec-string heuristics,
   * in one set so that they share one pass over a file's text.
   */
  public static final TextGates CODE = new TextGates(List.of("fromCharCode", "chr(", "bytes", "Buffer.from",
      "Uint8Array", "\\u00", "function(p,a,c,k,e,", "::-1", ".reverse(", "rot13", "rot_13", "function", "var ",
      "const ", "=>", "_0x", "base64", "^", "shift", "]+", "map(", "child_process", "shelljs", "execa", "os.",
      "subprocess", "commands."));

  private final LiteralScanner scanner;
  private final List<String> literals;
  private final Map<String, Integer> index;
  private final ThreadLocal<Object[]> last = new ThreadLocal<>();

  /** At most 64 literals. */
  public TextGates(List<String> literals) {
    if (literals.size() > 64) {
      throw new IllegalArgumentException("at most 64 literals");
    }
    this.scanner = new LiteralScanner(literals);
    this.literals = List.copyOf(literals);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < literals.size(); i++) {
      m.putIfAbsent(literals.get(i), i);
    }
    this.index = Map.copyOf(m);
  }

  /** The literals answered from the pass. */
  public List<String> literals() {
    return literals;
  }

  /** {@code text.contains(literal)}. */
  public boolean contains(String text, String literal) {
    Integer k = index.get(literal);
    if (k == null) {
      return text.contains(literal);
    }
    return (found(text) >>> k & 1L) != 0;
  }

  /** Whether the text contains any of {@code literals}. */
  public boolean containsAny(String text, String[] literals) {
    for (String l : literals) {
      if (contains(text, l)) {
        return true;
      }
    }
    return false;
  }

  /** Bit i: literal i occurs in the text. */
  private long found(String text) {
    Object[] l = last.get();
    if (l != null && ((java.lang.ref.WeakReference<?>) l[0]).get() == text) {
      return (Long) l[1];
    }
    long bits = scanner.occurring(text);
    last.set(new Object[] {new java.lang.ref.WeakReference<>(text), bits});
    return bits;
  }
}
