package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dean Edwards' packer, {@code eval(function(p,a,c,k,e,d){…}('payload', 62, 120, 'w1|w2|…'.split('|'), 0, {}))}:
 * unpacked statically by replacing each word of the payload with the keyword its base-{@code a}
 * index names, exactly as the unpacking function would, without running it.
 */
final class PackerTechnique implements Technique {
  private static final int MAX_WORDS = 100_000;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "function(p,a,c,k,e,")) {
      return List.of();
    }
    List<Reveal> out = new ArrayList<>();
    for (int i = 0; i + 1 < lits.size() && out.size() < MAX_CANDIDATES; i++) {
      Literals.Lit payload = lits.get(i);
      if (Literals.endsWith(text, payload.start(), "}(") < 0) {
        continue;
      }
      Literals.Lit words = lits.get(i + 1);
      String between = text.substring(payload.end(), words.start()).replace(" ", "");
      // ",62,120," between the two literals: radix and word count.
      String[] nums = between.split(",");
      if (nums.length != 3 || !nums[0].isEmpty() || !between.endsWith(",")
          || Literals.expect(text, words.end(), ".split(") < 0) {
        continue;
      }
      int radix = parse(nums[1]);
      String s = unpack(payload.value(), radix, words.value().split("\\|", -1), maxBytes);
      if (!s.isEmpty()) {
        out.add(new Reveal("packer", payload.start(), s, false));
      }
    }
    return out;
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Replaces every word of {@code p} that encodes an index with that keyword. */
  static String unpack(String p, int radix, String[] keywords, int max) {
    if (radix < 2 || radix > 95 || keywords.length > MAX_WORDS) {
      return "";
    }
    Map<String, String> dict = new HashMap<>();
    for (int c = 0; c < keywords.length; c++) {
      if (!keywords[c].isEmpty()) {
        dict.put(encode(c, radix), keywords[c]);
      }
    }
    StringBuilder b = new StringBuilder(p.length() * 2);
    int i = 0;
    while (i < p.length() && b.length() < max) {
      char c = p.charAt(i);
      if (!word(c)) {
        b.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < p.length() && word(p.charAt(j))) {
        j++;
      }
      String w = p.substring(i, j);
      b.append(dict.getOrDefault(w, w));
      i = j;
    }
    return b.toString();
  }

  /** The packer's own index encoding: base-36 digits, and chars from code 29 on above 35. */
  static String encode(int c, int a) {
    String head = c < a ? "" : encode(c / a, a);
    int d = c % a;
    return head + (d > 35 ? String.valueOf((char) (d + 29)) : Integer.toString(d, 36));
  }

  private static boolean word(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
