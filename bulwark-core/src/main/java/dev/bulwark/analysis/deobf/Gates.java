package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.LiteralScanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a text contains the literals the techniques check before doing any work
 * ({@code fromCharCode}, {@code _0x}, {@code .reverse(}, …): one Aho–Corasick pass
 * ({@link LiteralScanner}) over the text answers them all, where each {@code String.contains} of
 * an absent literal read the whole text again (about fifteen passes per file). The answer for the
 * last text is kept per thread (weakly), as {@link Deobfuscator#reveal} runs every technique on the same
 * text. A literal not in the list is looked up with {@code contains}.
 */
final class Gates {
  static final List<String> LITERALS = List.of("fromCharCode", "chr(", "bytes", "Buffer.from", "Uint8Array",
      "\\u00", "function(p,a,c,k,e,", "::-1", ".reverse(", "rot13", "rot_13", "function", "var ", "const ",
      "=>", "_0x", "base64", "^", "shift", "]+", "map(");
  private static final LiteralScanner SCANNER = new LiteralScanner(LITERALS);
  private static final Map<String, Integer> INDEX = index();
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private Gates() {}

  private static Map<String, Integer> index() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < LITERALS.size(); i++) {
      m.put(LITERALS.get(i), i);
    }
    return Map.copyOf(m);
  }

  /** {@code text.contains(literal)}. */
  static boolean contains(String text, String literal) {
    Integer k = INDEX.get(literal);
    if (k == null) {
      return text.contains(literal);
    }
    return (found(text) >>> k & 1L) != 0;
  }

  /** Bit i: literal i occurs in the text. */
  private static long found(String text) {
    Object[] last = LAST.get();
    if (last != null && ((java.lang.ref.WeakReference<?>) last[0]).get() == text) {
      return (Long) last[1];
    }
    long[] bits = {0L};
    SCANNER.scan(text, (lit, start) -> bits[0] |= 1L << lit);
    LAST.set(new Object[] {new java.lang.ref.WeakReference<>(text), bits[0]}); // never keeps a text alive
    return bits[0];
  }
}
