package dev.bulwark.analysis.deobf;

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
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "_0x")) {
      return List.of();
    }
    List<Reveal> out = new ArrayList<>();
    int i = 0;
    while (i < lits.size() && out.size() < MAX_CANDIDATES) {
      Literals.Lit first = lits.get(i);
      int open = Literals.endsWith(text, first.start(), "[");
      int eq = open < 0 ? -1 : Literals.endsWith(text, open, "=");
      if (eq < 0 || !hexName(text, eq)) {
        i++;
        continue;
      }
      Set<String> strings = new LinkedHashSet<>();
      int j = i;
      int size = 0;
      while (j < lits.size() && size <= maxBytes) {
        String s = lits.get(j).value();
        strings.add(s);
        size += s.length();
        if (s.length() >= 4) {
          Decoders.obfuscatorBase64(s).flatMap(b -> Decoders.text(b, 2)).ifPresent(strings::add);
        }
        if (j + 1 >= lits.size() || !text.substring(lits.get(j).end(), lits.get(j + 1).start()).strip().equals(",")) {
          break;
        }
        j++;
      }
      if (j - i + 1 >= 5) {
        out.add(new Reveal("string-table", first.start(), String.join("\n", strings), false));
      }
      i = j + 1;
    }
    return out;
  }

  /** Whether the identifier ending before {@code end} is an {@code _0x…} name. */
  private static boolean hexName(String t, int end) {
    int p = Literals.skipSpaceBack(t, end);
    int s = p;
    while (s > 0 && Character.isJavaIdentifierPart(t.charAt(s - 1))) {
      s--;
    }
    return p - s >= 5 && t.startsWith("_0x", s);
  }
}
