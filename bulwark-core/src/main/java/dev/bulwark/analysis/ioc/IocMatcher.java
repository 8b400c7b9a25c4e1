package dev.bulwark.analysis.ioc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import dev.bulwark.analysis.LiteralScanner;

/**
 * Finds text indicators in one pass with Aho–Corasick (the engine's {@link LiteralScanner},
 * ASCII case folded: indicators are addresses, hashes and package names), then keeps only hits
 * that stand on their own: an IP inside a longer number, a domain inside a longer name or a hash
 * inside a longer hex string does not count, so the edges are checked here.
 */
final class IocMatcher {
  static final int MAX_HITS = 10_000;
  private static final int HASH_LENGTH = 64;

  private final LiteralScanner scanner;
  private final Map<String, List<Ioc>> byKey;
  /**
   * SHA-256 keys kept out of the Aho–Corasick automaton: 64 hex digits each, they were nine tenths
   * of its states (a table of tens of megabytes built on every start). A hash hit stands alone
   * exactly when the hash is a whole run of word characters, so runs of 64 are looked up instead.
   */
  private final Map<String, List<Ioc>> hashKeys;
  private final int cap;

  IocMatcher(List<Ioc> textIocs) {
    this(textIocs, true, MAX_HITS);
  }

  /**
   * @param splitHashes look SHA-256 keys up by run instead of in the automaton (false: the
   *     automaton holds every key; tests compare the two)
   * @param cap at most this many hits are kept ({@link #MAX_HITS}; smaller in tests)
   */
  IocMatcher(List<Ioc> textIocs, boolean splitHashes, int cap) {
    Map<String, List<Ioc>> keys = new HashMap<>();
    for (Ioc i : textIocs) {
      keys.computeIfAbsent(i.value().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
    Map<String, List<Ioc>> hashes = new HashMap<>();
    if (splitHashes) {
      keys.entrySet().removeIf(e -> {
        boolean hash = isHashKey(e.getKey()) && e.getValue().stream().allMatch(i -> i.type() == IocType.SHA256);
        if (hash) {
          hashes.put(e.getKey(), e.getValue());
        }
        return hash;
      });
    }
    this.byKey = keys;
    this.hashKeys = hashes;
    this.cap = cap;
    this.scanner = new LiteralScanner(keys.keySet().stream().sorted().toList(), true);
  }

  private static boolean isHashKey(String k) {
    if (k.length() != HASH_LENGTH) {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  List<IocHit> scan(String text) {
    if (byKey.isEmpty() && hashKeys.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    TreeSet<IocHit> hits = new TreeSet<>();
    int[] hashStarts = hashRuns(text);
    int[] next = {0};
    try {
      if (!byKey.isEmpty()) {
        scanner.scan(text, (literal, start) -> {
          String key = scanner.literal(literal);
          int end = start + key.length();
          // Hash hits come in the automaton's order: by end, and at one end longer keys first.
          while (next[0] < hashStarts.length && before(hashStarts[next[0]], start, end)) {
            addHash(text, hashStarts[next[0]++], hits);
          }
          add(key, text, start, end, hits);
        });
      }
      while (next[0] < hashStarts.length) {
        addHash(text, hashStarts[next[0]++], hits);
      }
    } catch (Full stop) {
      // cap reached: the hits so far are kept
    }
    return List.copyOf(hits);
  }

  /** Whether the hash hit starting at {@code h} comes before the key hit {@code [start, end)}. */
  private static boolean before(int h, int start, int end) {
    int hEnd = h + HASH_LENGTH;
    return hEnd < end || hEnd == end && start > h;
  }

  private void add(String key, String text, int start, int end, TreeSet<IocHit> hits) {
    if (hits.size() >= cap) {
      throw FULL;
    }
    for (Ioc i : byKey.getOrDefault(key, List.of())) {
      if (standsAlone(i, text, start, end)) {
        hits.add(new IocHit(i, start, end));
      }
    }
  }

  private void addHash(String text, int start, TreeSet<IocHit> hits) {
    if (hits.size() >= cap) {
      throw FULL;
    }
    String key = text.substring(start, start + HASH_LENGTH).toLowerCase(Locale.ROOT);
    for (Ioc i : hashKeys.get(key)) {
      hits.add(new IocHit(i, start, start + HASH_LENGTH));
    }
  }

  /**
   * Starts of the runs of exactly 64 word characters that are known hashes, in order. Probes every
   * 64th character: a run of 64 holds one probe, and a probe outside any word run skips 64.
   */
  private int[] hashRuns(String text) {
    if (hashKeys.isEmpty()) {
      return new int[0];
    }
    int[] out = new int[8];
    int n = 0;
    int len = text.length();
    int p = HASH_LENGTH - 1;
    while (p < len) {
      if (!isWordChar(text.charAt(p))) {
        p += HASH_LENGTH;
        continue;
      }
      int i = p;
      while (i > 0 && isWordChar(text.charAt(i - 1))) {
        i--;
      }
      int j = p + 1;
      while (j < len && isWordChar(text.charAt(j))) {
        j++;
      }
      if (j - i == HASH_LENGTH && hashKeys.containsKey(text.substring(i, j).toLowerCase(Locale.ROOT))) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = i;
      }
      // the next run starts after j, so its 64th character is at j + 64 or later
      p = j + HASH_LENGTH;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Thrown to stop a scan once {@link #MAX_HITS} hits are kept (no stack trace is filled). */
  private static final class Full extends RuntimeException {
    Full() {
      super(null, null, false, false);
    }
  }

  private static final Full FULL = new Full();

  static boolean standsAlone(Ioc ioc, String text, int start, int end) {
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    char afterNext = end + 1 < text.length() ? text.charAt(end + 1) : ' ';
    if (isWordChar(before) || isWordChar(after)) {
      return false;
    }
    boolean dottedContinuation = after == '.' && Character.isLetterOrDigit(afterNext);
    return switch (ioc.type()) {
      // 10.1.2.3.4 or 1.2.3.4.5 is another address; 1.2.3.4:80 still contains 1.2.3.4.
      case IPV4, IP_PORT -> before != '.' && !dottedContinuation;
      // sub.evil.example matches evil.example; evil.example.org does not.
      case DOMAIN -> !dottedContinuation;
      // http://1.2.3.4 must not match http://1.2.3.4.nip.io; a longer path still matches.
      case URL -> !(dottedContinuation && hostOnly(ioc.value()));
      case SHA256, NPM, PYPI -> true;
    };
  }

  private static boolean hostOnly(String url) {
    int scheme = url.indexOf("://");
    return url.indexOf('/', scheme + 3) < 0;
  }

  private static final boolean[] WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD[c] = Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
  }

  private static boolean isWordChar(char c) {
    return c < 128 && WORD[c];
  }
}
