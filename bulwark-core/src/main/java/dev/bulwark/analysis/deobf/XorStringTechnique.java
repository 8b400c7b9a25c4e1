package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strings hidden as base64 of their bytes XORed with a short repeating key, the key being another
 * string literal of the same file (BeaverTail-style loaders: {@code E("HRsVTBsVC10")} decodes with
 * {@code key.charCodeAt(i & 3)}). Nothing runs: every short literal is tried as the key, and the
 * key that turns the most base64 literals into printable text wins. Bounded by the number of keys
 * and data strings tried. The decoded strings are revealed one per line.
 */
final class XorStringTechnique implements Technique {
  private static final int MAX_KEYS = 48;
  private static final int MAX_DATA = 2_000;
  /** A key must decode at least this many literals, and most of those it tries. */
  private static final int MIN_DECODED = 5;

  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    if (!Gates.contains(text, "^") || !Gates.contains(text, "base64") || lits.size() < MIN_DECODED) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    List<byte[]> data = new ArrayList<>();
    for (Literals.Lit l : lits) {
      String v = l.value();
      if (v.length() >= 2 && v.length() <= 16 && keys.size() < MAX_KEYS) {
        keys.add(v);
      }
      if (v.length() >= 6 && v.length() <= 400 && data.size() < MAX_DATA && base64Like(v)) {
        Decoders.base64(v).filter(b -> b.length >= 3).ifPresent(data::add);
      }
    }
    // Plain base64 of text is not XOR-hidden; the key search would only flip its letters.
    if (data.size() < MIN_DECODED || decodeAll(data, "\u0000").size() * 2 >= data.size()) {
      return List.of();
    }
    List<String> best = List.of();
    for (String key : keys) {
      if (key.chars().distinct().count() < 2 || key.chars().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      List<String> out = decodeAll(data, key);
      if (out.size() > best.size()) {
        best = out;
      }
    }
    if (best.size() < MIN_DECODED || best.size() * 2 < data.size()) {
      return List.of();
    }
    String payload = String.join("\n", best);
    return payload.length() > maxBytes ? List.of() : List.of(new Reveal("xor-strings", 0, payload, false));
  }

  private static List<String> decodeAll(List<byte[]> data, String key) {
    List<String> out = new ArrayList<>();
    for (byte[] b : data) {
      xor(b, key).ifPresent(out::add);
    }
    return out;
  }

  /** The bytes XORed with the key's char codes, when the result is printable ASCII. */
  static Optional<String> xor(byte[] b, String key) {
    char[] out = new char[b.length];
    for (int i = 0; i < b.length; i++) {
      int c = (b[i] & 0xFF) ^ (key.charAt(i % key.length()) & 0xFF);
      if (c < 0x20 || c > 0x7E) {
        return Optional.empty();
      }
      out[i] = (char) c;
    }
    return Optional.of(new String(out));
  }

  private static boolean base64Like(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=')) {
        return false;
      }
    }
    return true;
  }
}
