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

  private final LiteralScanner scanner;
  private final Map<String, List<Ioc>> byKey;

  IocMatcher(List<Ioc> textIocs) {
    Map<String, List<Ioc>> keys = new HashMap<>();
    for (Ioc i : textIocs) {
      keys.computeIfAbsent(i.value().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
    this.byKey = keys;
    this.scanner = new LiteralScanner(keys.keySet().stream().sorted().toList(), true);
  }

  List<IocHit> scan(String text) {
    if (byKey.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    TreeSet<IocHit> hits = new TreeSet<>();
    try {
      scanner.scan(text, (literal, start) -> {
        if (hits.size() >= MAX_HITS) {
          throw FULL;
        }
        String key = scanner.literal(literal);
        int end = start + key.length();
        for (Ioc i : byKey.getOrDefault(key, List.of())) {
          if (standsAlone(i, text, start, end)) {
            hits.add(new IocHit(i, start, end));
          }
        }
      });
    } catch (Full stop) {
      // MAX_HITS reached: the hits so far are kept
    }
    return List.copyOf(hits);
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

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }
}
