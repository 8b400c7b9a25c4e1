package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** Standard and URL-safe base64 runs, kept when they decode to text (possibly zlib/gzip). */
final class Base64Technique implements Technique {
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_-]{20,}={0,2}");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Patterns.M m : Patterns.all(RUN, text)) {
      String run = m.group();
      if (run.length() > maxBytes * 4L / 3 + 4 || !mixed(run)) {
        continue;
      }
      Decoders.base64(run)
          .flatMap(b -> Decoders.textOrInflated(b, 8, maxBytes))
          .ifPresent(s -> out.add(new Reveal("base64", m.start(), s, false)));
    }
    return out;
  }

  /** Identifiers and words rarely mix upper case, lower case and digits like base64 does. */
  private static boolean mixed(String s) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && (digit || s.length() >= 40);
  }
}
