package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Hex: plain runs ({@code bytes.fromhex('6576…')}, {@code Buffer.from('…','hex')}) and escape
 * sequences ({@code \x65\x76}, {@code \\u0065}), kept when they decode to text.
 */
final class HexTechnique implements Technique {
  private static final Pattern RUN = Pattern.compile("(?:[0-9a-fA-F]{2}){12,}");
  private static final Pattern ESCAPES =
      Pattern.compile("(?:\\\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\\{[0-9a-fA-F]{1,6}\\}|[0-7]{3})){4,}");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Patterns.M m : Patterns.all(RUN, text)) {
      if (m.group().length() / 2 > maxBytes) {
        continue;
      }
      Decoders.hex(m.group())
          .flatMap(b -> Decoders.textOrInflated(b, 6, maxBytes))
          .ifPresent(s -> out.add(new Reveal("hex", m.start(), s, s.length() < 200)));
    }
    for (Patterns.M m : Patterns.all(ESCAPES, text)) {
      String s = Decoders.unescape(m.group());
      if (Decoders.printable(s) && s.length() >= 3) {
        out.add(new Reveal("escapes", m.start(), s, s.length() < 200));
      }
    }
    return out;
  }
}
