package dev.bulwark.analysis.deobf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Bounded decoders shared by the techniques. Each returns empty instead of throwing. */
final class Decoders {
  /** The alphabet javascript-obfuscator uses for its "base64" string encoding (lower case first). */
  static final String OBFUSCATOR_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=";

  private Decoders() {}

  static Optional<byte[]> base64(String s) {
    String t = s.trim();
    try {
      if (t.indexOf('-') >= 0 || t.indexOf('_') >= 0) {
        return Optional.of(Base64.getUrlDecoder().decode(pad(t.replace("=", ""))));
      }
      return Optional.of(Base64.getDecoder().decode(pad(t.replace("=", ""))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String pad(String s) {
    int r = s.length() % 4;
    return r == 0 ? s : r == 1 ? s.substring(0, s.length() - 1) : s + "==".substring(0, 4 - r);
  }

  /** Decodes with javascript-obfuscator's alphabet (written by hand: it is not a standard one). */
  static Optional<byte[]> obfuscatorBase64(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = OBFUSCATOR_ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return Optional.empty();
      }
      if (v == 64) {
        break;
      }
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xFF);
      }
    }
    return Optional.of(out.toByteArray());
  }

  static Optional<byte[]> hex(String s) {
    if (s.length() % 2 != 0) {
      return Optional.empty();
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return Optional.empty();
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return Optional.of(out);
  }

  /** zlib, raw deflate or gzip, at most {@code max} bytes out. */
  static Optional<byte[]> inflate(byte[] in, int max) {
    if (in.length >= 2 && (in[0] & 0xFF) == 0x1F && (in[1] & 0xFF) == 0x8B) {
      int skip = gzipHeader(in);
      return skip < 0 ? Optional.empty() : run(new Inflater(true), in, skip, max);
    }
    if (in.length >= 2 && (in[0] & 0x0F) == 8 && (((in[0] & 0xFF) << 8) | (in[1] & 0xFF)) % 31 == 0) {
      return run(new Inflater(false), in, 0, max);
    }
    return Optional.empty();
  }

  private static int gzipHeader(byte[] in) {
    if (in.length < 10) {
      return -1;
    }
    int flags = in[3] & 0xFF;
    int i = 10;
    if ((flags & 4) != 0) {
      if (i + 2 > in.length) {
        return -1;
      }
      i += 2 + ((in[i] & 0xFF) | ((in[i + 1] & 0xFF) << 8));
    }
    for (int bit : new int[] {8, 16}) {
      if ((flags & bit) != 0) {
        while (i < in.length && in[i] != 0) {
          i++;
        }
        i++;
      }
    }
    if ((flags & 2) != 0) {
      i += 2;
    }
    return i < in.length ? i : -1;
  }

  private static Optional<byte[]> run(Inflater inf, byte[] in, int off, int max) {
    try {
      inf.setInput(in, off, in.length - off);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!inf.finished() && out.size() < max) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        out.write(buf, 0, Math.min(n, max - out.size()));
      }
      return out.size() == 0 ? Optional.empty() : Optional.of(out.toByteArray());
    } catch (DataFormatException e) {
      return Optional.empty();
    } finally {
      inf.end();
    }
  }

  /** Strict UTF-8 text that is mostly printable, at least {@code min} chars. */
  static Optional<String> text(byte[] b, int min) {
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    return printable(s) && s.length() >= min ? Optional.of(s) : Optional.empty();
  }

  static boolean printable(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int bad = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || c == 0xFFFD) {
        bad++;
      }
    }
    return bad * 20 <= s.length();
  }

  /** Text, or inflated text, or (for base64-in-base64 layers) text after reversing. */
  static Optional<String> textOrInflated(byte[] b, int min, int max) {
    Optional<String> t = text(b, min);
    if (t.isPresent()) {
      return t;
    }
    return inflate(b, max).flatMap(x -> text(x, min));
  }

  static String rot13(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) ('a' + (c - 'a' + 13) % 26);
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) ('A' + (c - 'A' + 13) % 26);
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Unescapes the body of a JS or Python string literal: \xNN, \\uNNNN, \\u{…}, octal, and the
   * one-letter escapes. Returns Latin-1 bytes semantics when {@code bytes} (Python b'' literals).
   */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'x' -> i = hexEscape(s, i, 2, b);
        case 'u' -> i = s.startsWith("{", i + 1) ? braceEscape(s, i, b) : hexEscape(s, i, 4, b);
        case 'U' -> i = hexEscape(s, i, 8, b);
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> i = octal(s, i, b);
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  private static int hexEscape(String s, int i, int len, StringBuilder b) {
    String h = s.substring(i + 1, Math.min(s.length(), i + 1 + len));
    if (h.length() == len) {
      try {
        b.appendCodePoint(Integer.parseInt(h, 16));
        return i + len;
      } catch (IllegalArgumentException e) {
        // not an escape: keep as is
      }
    }
    b.append('\\').append(s.charAt(i));
    return i;
  }

  private static int braceEscape(String s, int i, StringBuilder b) {
    int end = s.indexOf('}', i);
    if (end > 0 && end - i <= 8) {
      try {
        b.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
        return end;
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    b.append("\\u");
    return i;
  }

  private static int octal(String s, int i, StringBuilder b) {
    int j = i;
    int v = 0;
    while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
      v = v * 8 + (s.charAt(j) - '0');
      j++;
    }
    b.append((char) v);
    return j - 1;
  }

  /** Python bytes-literal body to bytes (escapes resolved, other chars as Latin-1). */
  static byte[] pythonBytes(String body) {
    String u = unescape(body);
    byte[] out = new byte[u.length()];
    for (int i = 0; i < u.length(); i++) {
      out[i] = (byte) u.charAt(i);
    }
    return out;
  }

  static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
