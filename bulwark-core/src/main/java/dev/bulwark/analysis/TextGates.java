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
 * nanoseconds per character of code, a fraction of a percent of a scan; measured on Debian Python
 * packages with C2, the pass was 5 % of the CPU samples. So a gate set answers by the pass only
 * when the JVM runs without the optimising JIT (the launcher passes {@code -Dbulwark.jit=quick}
 * with {@code -XX:TieredStopAtLevel=1}); otherwise each literal is looked up with
 * {@code contains} when first asked about a text, and the answer kept with the others. Both ways
 * answer {@code String.contains}. Thread-safe.
 */
public final class TextGates {
  /**
   * The pre-checks of deobfuscation ({@code analysis.deobf}) and of the exec-string heuristics,
   * in one set so that they share one pass over a file's text.
   */
  /** Whether this JVM runs without C2 (the launcher's quick JIT says so). */
  static final boolean QUICK_JIT = "quick".equals(System.getProperty("bulwark.jit"));

  public static final TextGates CODE = new TextGates(QUICK_JIT, List.of("fromCharCode", "chr(", "bytes", "Buffer.from",
      "Uint8Array", "\\u00", "function(p,a,c,k,e,", "::-1", ".reverse(", "rot13", "rot_13", "function", "var ",
      "const ", "=>", "_0x", "base64", "^", "shift", "]+", "map(", "child_process", "shelljs", "execa", "os.",
      "subprocess", "commands."));

  private final LiteralScanner scanner;
  private final List<String> literals;
  private final Map<String, Integer> index;
  private final ThreadLocal<Object[]> last = new ThreadLocal<>();
  /** One pass answers every literal (true), or each literal is looked up when first asked (false). */
  private final boolean onePass;

  /** At most 64 literals; answered by one pass when the JVM runs without C2. */
  public TextGates(List<String> literals) {
    this(QUICK_JIT, literals);
  }

  /**
   * @param onePass answer every literal by one pass over the text; else look each up with
   *     {@code contains} when first asked (cheaper where {@code indexOf} is a vector search)
   */
  public TextGates(boolean onePass, List<String> literals) {
    this.onePass = onePass;
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
    if (!onePass) {
      return asked(text, k);
    }
    return (found(text) >>> k & 1L) != 0;
  }

  /** Literal k looked up in the text once, kept with the others asked of the same text: {known bits, found bits}. */
  private boolean asked(String text, int k) {
    Object[] l = last.get();
    long[] bits;
    if (l != null && ((java.lang.ref.WeakReference<?>) l[0]).get() == text) {
      bits = (long[]) l[1];
    } else {
      bits = new long[2];
      last.set(new Object[] {new java.lang.ref.WeakReference<>(text), bits});
    }
    long bit = 1L << k;
    if ((bits[0] & bit) == 0) {
      bits[0] |= bit;
      if (text.contains(literals.get(k))) {
        bits[1] |= bit;
      }
    }
    return (bits[1] & bit) != 0;
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
