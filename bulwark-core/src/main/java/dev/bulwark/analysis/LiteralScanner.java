package dev.bulwark.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick search for many literals in one pass, reporting every (overlapping) occurrence.
 * Hand-written instead of the ahocorasick library for the engine's pre-filter: that library looks
 * up a boxed {@code Character} in a {@code HashMap} per state and character, which profiling showed
 * as about a tenth of the whole scan. Here characters below 128 (nearly all of code) use a dense
 * transition table completed into a DFA; other characters follow failure links through a small
 * map. Immutable and thread-safe once built.
 */
public final class LiteralScanner {
  private static final int ASCII = 128;

  /** Receives each occurrence: the literal's index and its start offset. */
  public interface Sink {
    void hit(int literal, int start);
  }

  private final List<String> literals;
  /** DFA over ASCII: state * ASCII + char. */
  private final int[] delta;
  /** Trie edges for characters >= 128: (state << 16 | char) to state. */
  private final Map<Long, Integer> wide = new HashMap<>();
  /**
   * The characters >= 128 that label some trie edge: from any state, any other such character
   * leads to the root (the failure chain finds no edge), without a map lookup.
   */
  private final java.util.BitSet wideChars = new java.util.BitSet();
  private final int[] fail;
  /** Per state, the literals ending there (its own and those of its failure chain). */
  private final int[][] out;
  /** Whether ASCII letters match regardless of case (literals are folded when built). */
  private final boolean foldAscii;

  /** A case-sensitive scanner. */
  public LiteralScanner(List<String> literals) {
    this(literals, false);
  }

  /**
   * @param foldAscii match ASCII letters regardless of case (other characters exactly); offsets
   *     stay those of the original text
   */
  public LiteralScanner(List<String> literals, boolean foldAscii) {
    this.foldAscii = foldAscii;
    this.literals = foldAscii ? literals.stream().map(LiteralScanner::fold).toList() : List.copyOf(literals);
    List<int[]> gotoAscii = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    gotoAscii.add(newRow());
    own.add(new ArrayList<>());
    for (int i = 0; i < this.literals.size(); i++) {
      int s = 0;
      for (char c : this.literals.get(i).toCharArray()) {
        int t = edge(gotoAscii, s, c);
        if (t < 0) {
          gotoAscii.add(newRow());
          own.add(new ArrayList<>());
          t = gotoAscii.size() - 1;
          if (c < ASCII) {
            gotoAscii.get(s)[c] = t;
          } else {
            wide.put(key(s, c), t);
            wideChars.set(c);
          }
        }
        s = t;
      }
      own.get(s).add(i);
    }
    int n = gotoAscii.size();
    fail = new int[n];
    delta = new int[n * ASCII];
    out = new int[n][];
    build(gotoAscii, own);
  }

  private static int[] newRow() {
    int[] r = new int[ASCII];
    Arrays.fill(r, -1);
    return r;
  }

  private int edge(List<int[]> gotoAscii, int s, char c) {
    return c < ASCII ? gotoAscii.get(s)[c] : wide.getOrDefault(key(s, c), -1);
  }

  private static long key(int state, char c) {
    return ((long) state << 16) | c;
  }

  /** Breadth-first: failure links, the completed ASCII table and the output sets. */
  private void build(List<int[]> gotoAscii, List<List<Integer>> own) {
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    out[0] = own.get(0).stream().mapToInt(Integer::intValue).toArray();
    for (int c = 0; c < ASCII; c++) {
      int t = gotoAscii.get(0)[c];
      delta[c] = Math.max(t, 0);
      if (t > 0) {
        fail[t] = 0;
        queue.add(t);
      }
    }
    List<Integer> wideRoot = new ArrayList<>();
    wide.forEach((k, t) -> {
      if ((k >>> 16) == 0) {
        wideRoot.add(t);
      }
    });
    queue.addAll(wideRoot.stream().sorted().toList());
    Map<Integer, List<long[]>> wideByState = new HashMap<>();
    wide.forEach((k, t) -> wideByState.computeIfAbsent((int) (k >>> 16), x -> new ArrayList<>())
        .add(new long[] {k & 0xFFFF, t}));
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int[] merged = own.get(s).stream().mapToInt(Integer::intValue).toArray();
      int[] inherited = out[fail[s]];
      out[s] = concat(merged, inherited);
      for (int c = 0; c < ASCII; c++) {
        int t = gotoAscii.get(s)[c];
        if (t > 0) {
          fail[t] = delta[fail[s] * ASCII + c];
          delta[s * ASCII + c] = t;
          queue.add(t);
        } else {
          delta[s * ASCII + c] = delta[fail[s] * ASCII + c];
        }
      }
      for (long[] e : wideByState.getOrDefault(s, List.of())) {
        int t = (int) e[1];
        fail[t] = wideStep(fail[s], (char) e[0]);
        queue.add(t);
      }
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private int wideStep(int s, char c) {
    while (true) {
      Integer t = wide.get(key(s, c));
      if (t != null) {
        return t;
      }
      if (s == 0) {
        return 0;
      }
      s = fail[s];
    }
  }

  /** How many literals it searches for. */
  public int size() {
    return literals.size();
  }

  /** The literal at index {@code i} (ASCII-folded when the scanner folds). */
  public String literal(int i) {
    return literals.get(i);
  }

  private static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = fold(c[i]);
    }
    return new String(c);
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Which of the first 64 literals occur in the text (bit i: literal i), in one pass without a
   * callback per occurrence.
   */
  public long occurring(String text) {
    long[] m = masks;
    if (m == null) {
      m = new long[out.length];
      for (int s = 0; s < out.length; s++) {
        for (int k : out[s]) {
          m[s] |= k < 64 ? 1L << k : 0L;
        }
      }
      masks = m;
    }
    return occurring(text, m);
  }

  /**
   * A one-pass test for groups of literals: the function's bit b is set when some literal whose
   * entry in {@code bitsOfLiteral} has bit b occurs in the text ({@link #occurring} with the
   * caller's bits, for more than 64 literals).
   */
  public java.util.function.ToLongFunction<String> groups(long[] bitsOfLiteral) {
    if (bitsOfLiteral.length != literals.size()) {
      throw new IllegalArgumentException("one entry per literal");
    }
    long[] m = new long[out.length];
    for (int s = 0; s < out.length; s++) {
      for (int k : out[s]) {
        m[s] |= bitsOfLiteral[k];
      }
    }
    return text -> occurring(text, m);
  }

  private long occurring(String text, long[] m) {
    long bits = 0L;
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = foldAscii ? fold(text.charAt(i)) : text.charAt(i);
      s = c < ASCII ? delta[s * ASCII + c] : wideChars.get(c) ? wideStep(s, c) : 0;
      bits |= m[s];
    }
    return bits;
  }

  /** Per state, {@link #occurring}'s bits of the literals ending there; built on first use. */
  private volatile long[] masks;

  /** Reports every occurrence, in order of end offset; stops early when the sink throws. */
  public void scan(String text, Sink sink) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = foldAscii ? fold(text.charAt(i)) : text.charAt(i);
      s = c < ASCII ? delta[s * ASCII + c] : wideChars.get(c) ? wideStep(s, c) : 0;
      int[] o = out[s];
      for (int k = 0; k < o.length; k++) {
        sink.hit(o[k], i + 1 - literals.get(o[k]).length());
      }
    }
  }
}
