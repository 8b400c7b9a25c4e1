package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PrettyJsonBytes} writes the bytes Jackson's generator writes with {@link FastPrettyPrinter}
 * (the layout of the audit report), on random documents: nested and empty objects and arrays,
 * strings with quotes, backslashes, control characters, non-ASCII letters, surrogate pairs, long
 * strings, integers and floating-point numbers (NaN and infinities included).
 */
class PrettyJsonBytesTest {
  private static final String[] PIECES = {
    "a", "plain", " ", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\u0000", "\u001f", "\u007f",
    "é", "ß", "\u00ff", "\u0100", "€", "\u2028", "😀", "/", "<", "https://example.invalid/x?y=1&z=2",
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void sameBytesAsJackson(long seed) throws IOException {
    for (int doc = 0; doc < 50; doc++) {
      ByteArrayOutputStream jackson = new ByteArrayOutputStream();
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      try (JsonGenerator g = new JsonFactory().createGenerator(jackson, JsonEncoding.UTF8)) {
        g.setPrettyPrinter(new FastPrettyPrinter());
        PrettyJsonBytes p = new PrettyJsonBytes(ours);
        object(new SplittableRandom(seed * 1000 + doc), 0, g, p);
        p.flush();
      }
      assertThat(ours.toString("UTF-8")).isEqualTo(jackson.toString("UTF-8"));
      assertThat(ours.toByteArray()).isEqualTo(jackson.toByteArray());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void recordedPartsCopyTheSameBytes(int fields) throws IOException {
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    PrettyJsonBytes a = new PrettyJsonBytes(direct);
    ByteArrayOutputStream copied = new ByteArrayOutputStream();
    PrettyJsonBytes b = new PrettyJsonBytes(copied);
    PrettyJsonBytes.Name x = new PrettyJsonBytes.Name("x");
    PrettyJsonBytes.Name y = new PrettyJsonBytes.Name("y");
    a.startArray();
    b.startArray();
    byte[] part = null;
    for (int i = 0; i < 3; i++) {
      a.startObject();
      b.startObject();
      a.number(x, i);
      b.number(x, i);
      for (int f = 0; f < fields; f++) {
        a.string(y, "part " + f);
      }
      if (part == null) {
        long mark = b.mark();
        for (int f = 0; f < fields; f++) {
          b.string(y, "part " + f);
        }
        part = b.recorded(mark);
      } else {
        b.raw(part);
      }
      a.endObject();
      b.endObject();
    }
    a.endArray();
    b.endArray();
    a.flush();
    b.flush();
    assertThat(copied.toByteArray()).isEqualTo(direct.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void unbalancedDocumentsFail(int kind) {
    PrettyJsonBytes p = new PrettyJsonBytes(new ByteArrayOutputStream());
    if (kind == 0) {
      assertThatThrownBy(() -> {
        p.startObject();
        p.flush();
      }).isInstanceOf(IllegalStateException.class);
    } else {
      assertThatThrownBy(() -> {
        p.startArray();
        p.field(new PrettyJsonBytes.Name("x"));
      }).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void object(SplittableRandom r, int depth, JsonGenerator g, PrettyJsonBytes p)
      throws IOException {
    g.writeStartObject();
    p.startObject();
    int n = r.nextInt(depth == 0 ? 1 : 0, 6);
    for (int i = 0; i < n; i++) {
      String name = text(r, 12);
      g.writeFieldName(name);
      p.field(new PrettyJsonBytes.Name(name));
      value(r, depth, g, p);
    }
    g.writeEndObject();
    p.endObject();
  }

  private static void array(SplittableRandom r, int depth, JsonGenerator g, PrettyJsonBytes p)
      throws IOException {
    g.writeStartArray();
    p.startArray();
    int n = r.nextInt(0, 5);
    for (int i = 0; i < n; i++) {
      value(r, depth, g, p);
    }
    g.writeEndArray();
    p.endArray();
  }

  private static void value(SplittableRandom r, int depth, JsonGenerator g, PrettyJsonBytes p)
      throws IOException {
    int kind = r.nextInt(depth < 4 ? 8 : 6);
    switch (kind) {
      case 0, 1 -> {
        String s = r.nextInt(20) == 0 ? "x".repeat(r.nextInt(4000, 70_000)) + text(r, 3) : text(r, 40);
        g.writeString(s);
        p.string(s);
      }
      case 2 -> {
        long v = r.nextBoolean() ? r.nextInt(-1000, 100_000) : r.nextLong();
        g.writeNumber(v);
        p.number(v);
      }
      case 3 -> {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e-7, 1e21, 9.8};
        double v = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextInt(101) / 10.0;
        g.writeNumber(v);
        p.number(v);
      }
      case 4 -> {
        boolean b = r.nextBoolean();
        g.writeBoolean(b);
        p.bool(b);
      }
      case 5 -> {
        g.writeString("");
        p.string("");
      }
      case 6 -> object(r, depth + 1, g, p);
      default -> array(r, depth + 1, g, p);
    }
  }

  private static String text(SplittableRandom r, int max) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(0, max);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : String.valueOf((char) r.nextInt('a', 'z' + 1)));
    }
    return b.toString();
  }
}
