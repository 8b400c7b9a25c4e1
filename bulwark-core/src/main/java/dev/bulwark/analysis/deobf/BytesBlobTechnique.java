package dev.bulwark.analysis.deobf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python byte blobs behind wrappers such as
 * {@code _ = lambda __ : __import__('zlib').decompress(__[::-1]); exec((_)(b'…'))}: each long
 * {@code b'…'} literal is tried as zlib, reversed zlib, base64(+zlib) and reversed base64(+zlib).
 * Nothing is executed; the wrapper is recognised only by what the bytes decode to.
 */
final class BytesBlobTechnique implements Technique {
  @Override
  public List<Reveal> find(String text, List<Literals.Lit> lits, int maxBytes) {
    List<Reveal> out = new ArrayList<>();
    for (Literals.Lit l : lits) {
      if (out.size() >= MAX_CANDIDATES) {
        break;
      }
      if (!l.bytes() || l.body().length() < 24 || l.body().length() > maxBytes * 4L) {
        continue;
      }
      decode(Decoders.pythonBytes(l.body()), maxBytes)
          .ifPresent(s -> out.add(new Reveal("python-bytes", l.start(), s, false)));
    }
    return out;
  }

  static Optional<String> decode(byte[] raw, int max) {
    for (byte[] candidate : new byte[][] {raw, Decoders.reverse(raw)}) {
      Optional<String> s = Decoders.inflate(candidate, max).flatMap(b -> Decoders.textOrInflated(b, 4, max));
      if (s.isPresent()) {
        return s;
      }
      String ascii = new String(candidate, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
      s = Decoders.base64(ascii).flatMap(b -> Decoders.textOrInflated(b, 4, max));
      if (s.isPresent() && ascii.length() >= 24) {
        return s;
      }
    }
    return Optional.empty();
  }
}
