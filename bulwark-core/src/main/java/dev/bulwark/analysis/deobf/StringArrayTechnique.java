package dev.bulwark.analysis.deobf;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * javascript-obfuscator string tables: an array of five or more string literals assigned to an
 * {@code _0x…} name. The table is recovered literally (nothing runs); its rotation is not undone,
 * which does not matter to rules that look for the strings. Strings that decode with the
 * obfuscator's base64 alphabet are added decoded as well.
 */
final class StringArrayTechnique implements Technique {
  private static final Pattern TABLE = Pattern.compile(
      "_0x[0-9a-fA-F]{2,8}\\s*=\\s*\\[\\s*(" + Patterns.STR + "(?:\\s*,\\s*" + Patterns.STR + "){4,})\\s*\\]");

  @Override
  public List<Reveal> find(String text, int maxBytes) {
    if (!text.contains("_0x")) {
      return List.of();
    }
    List<Reveal> out = new ArrayList<>();
    for (Patterns.M m : Patterns.all(TABLE, text)) {
      Set<String> strings = new LinkedHashSet<>();
      for (String s : Patterns.literals(m.group(1))) {
        strings.add(s);
        if (s.length() >= 4) {
          Decoders.obfuscatorBase64(s).flatMap(b -> Decoders.text(b, 2)).ifPresent(strings::add);
        }
      }
      String joined = String.join("\n", strings);
      if (joined.length() <= maxBytes) {
        out.add(new Reveal("string-table", m.start(), joined, false));
      }
    }
    return out;
  }
}
