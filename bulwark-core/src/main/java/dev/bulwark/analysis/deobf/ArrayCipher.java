package dev.bulwark.analysis.deobf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How string-array obfuscators (javascript-obfuscator and its forks) encode table entries, and
 * how to undo it statically: {@code none}; {@code base64} in the decoder's own alphabet, the bytes
 * then read as UTF-8 (the decoder's {@code decodeURIComponent} of {@code %xx} escapes); {@code rc4}
 * keyed by the call's second argument, applied to the chars of that base64 text. Hand-written:
 * the alphabet is taken from the decoder in the file, which no standard codec accepts.
 *
 * @param alphabet the 64 letters plus '=' as listed in the decoder
 */
record ArrayCipher(Mode mode, String alphabet) {
  enum Mode { NONE, BASE64, RC4 }

  static final ArrayCipher PLAIN = new ArrayCipher(Mode.NONE, "");

  /**
   * The decoded entry, or empty when it does not decode (the decoder would throw). An encoded
   * table is decoded with {@code encoded} (base64 or RC4, told apart by the call's key argument).
   */
  Optional<String> decode(String entry, String key, Mode encoded) {
    return switch (mode == Mode.NONE ? Mode.NONE : encoded) {
      case NONE -> Optional.of(entry);
      case BASE64 -> base64(entry);
      case RC4 -> key.isEmpty() ? Optional.empty() : base64(entry).map(s -> rc4(s, key));
    };
  }

  private Optional<String> base64(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = alphabet.indexOf(s.charAt(i));
      if (v < 0 || v >= 64) {
        // the decoders skip '=' and any letter outside the alphabet
        continue;
      }
      buffer = (buffer << 6 | v) & 0xFFFFFF;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write(buffer >> bits & 0xFF);
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** RC4 over the chars of {@code s}, key chars taken as codes (as the JS decoder does). */
  static String rc4(String s, String key) {
    int[] box = new int[256];
    for (int i = 0; i < 256; i++) {
      box[i] = i;
    }
    int j = 0;
    for (int i = 0; i < 256; i++) {
      j = (j + box[i] + key.charAt(i % key.length())) % 256;
      int x = box[i];
      box[i] = box[j];
      box[j] = x;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    j = 0;
    for (int y = 0; y < s.length(); y++) {
      i = (i + 1) % 256;
      j = (j + box[i]) % 256;
      int x = box[i];
      box[i] = box[j];
      box[j] = x;
      out.append((char) (s.charAt(y) ^ box[(box[i] + box[j]) % 256]));
    }
    return out.toString();
  }

  /** Whether {@code s} lists 64 distinct base64 letters (any order) and '='. */
  static boolean isAlphabet(String s) {
    if (s.length() != 65 || s.charAt(64) != '=') {
      return false;
    }
    boolean[] seen = new boolean[128];
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (c >= 128 || seen[c] || !(Character.isLetterOrDigit(c) || c == '+' || c == '/')) {
        return false;
      }
      seen[c] = true;
    }
    return true;
  }
}
