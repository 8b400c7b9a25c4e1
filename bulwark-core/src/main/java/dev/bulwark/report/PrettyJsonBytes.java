package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes JSON as UTF-8 bytes in exactly the layout of Jackson's default pretty printer
 * ({@link FastPrettyPrinter}): objects on indented lines, arrays inline ({@code [ a, b ]}), empty
 * containers as {@code { }} and {@code [ ]}. Only for the audit report, whose dense case is a
 * hundred megabytes that the CLI writes under the quick JIT: there Jackson's generator spent most
 * of the report's time copying each string into a char array and escaping it char by char.
 *
 * <p>Hand-written because no library writes this layout faster; it stays exact by leaving every
 * value it does not write trivially to Jackson itself: a string is copied as its UTF-8 bytes only
 * when they are printable ASCII without a quote or backslash, and any other string (and every
 * floating-point number) is encoded by a Jackson generator into a scratch buffer.
 * {@code PrettyJsonBytesTest} holds it to Jackson's output on random documents.
 */
final class PrettyJsonBytes {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int MAX_DEPTH = 64;
  private static final byte[][] INDENT = new byte[32][];

  static {
    for (int i = 0; i < INDENT.length; i++) {
      INDENT[i] = ("\n" + "  ".repeat(i)).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] EMPTY_STRING = {'"', '"'};

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  /** How many times the buffer was emptied: a recording ({@link #mark}) is valid while it stays. */
  private int flushes;
  /** Object nesting (arrays are inline and do not indent). */
  private int nesting;
  private int depth;
  private final boolean[] object = new boolean[MAX_DEPTH];
  private final int[] entries = new int[MAX_DEPTH];
  private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(256);
  private final Map<Long, byte[]> doubles = new HashMap<>();

  PrettyJsonBytes(OutputStream out) {
    this.out = out;
  }

  /** A field name, pre-encoded: the quoted name followed by the name-value separator. */
  static final class Name {
    private final byte[] bytes;

    Name(String name) {
      byte[] n = quoted(name);
      bytes = Arrays.copyOf(n, n.length + 3);
      bytes[n.length] = ' ';
      bytes[n.length + 1] = ':';
      bytes[n.length + 2] = ' ';
    }
  }

  void startObject() throws IOException {
    beforeValue();
    push(true);
    put((byte) '{');
    nesting++;
  }

  void endObject() throws IOException {
    int n = pop();
    nesting--;
    if (n > 0) {
      indent(nesting);
    } else {
      put((byte) ' ');
    }
    put((byte) '}');
  }

  void startArray() throws IOException {
    beforeValue();
    push(false);
    put((byte) '[');
  }

  void endArray() throws IOException {
    pop();
    put((byte) ' '); // one space before the bracket, whether or not the array is empty
    put((byte) ']');
  }

  void field(Name name) throws IOException {
    if (depth == 0 || !object[depth - 1]) {
      throw new IllegalStateException("a field name outside an object");
    }
    if (entries[depth - 1]++ > 0) {
      put((byte) ',');
    }
    indent(nesting);
    put(name.bytes, 0, name.bytes.length);
  }

  void string(Name name, String value) throws IOException {
    field(name);
    string(value);
  }

  void string(String s) throws IOException {
    beforeValue();
    int n = s.length();
    if (n == 0) {
      put(EMPTY_STRING, 0, 2);
      return;
    }
    if (n <= 4096) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      if (plain(utf8)) {
        ensure(utf8.length + 2);
        buf[pos++] = '"';
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
        buf[pos++] = '"';
        return;
      }
    }
    byte[] b = jackson(s);
    put(b, 0, b.length);
  }

  void number(Name name, long value) throws IOException {
    field(name);
    number(value);
  }

  void number(long value) throws IOException {
    beforeValue();
    byte[] b = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    put(b, 0, b.length);
  }

  /** A floating-point number as Jackson writes it (computed once per distinct value). */
  void number(double value) throws IOException {
    beforeValue();
    byte[] b = doubles.get(Double.doubleToRawLongBits(value));
    if (b == null) {
      scratch.reset();
      try (JsonGenerator g = FACTORY.createGenerator(scratch, JsonEncoding.UTF8)) {
        g.writeNumber(value);
      }
      b = scratch.toByteArray();
      doubles.put(Double.doubleToRawLongBits(value), b);
    }
    put(b, 0, b.length);
  }

  void bool(Name name, boolean value) throws IOException {
    field(name);
    bool(value);
  }

  void bool(boolean value) throws IOException {
    beforeValue();
    byte[] b = value ? TRUE : FALSE;
    put(b, 0, b.length);
  }

  /** Where the next byte goes, for {@link #recorded}. */
  long mark() {
    return ((long) flushes << 32) | pos;
  }

  /**
   * The bytes written since the mark, or null when the buffer was emptied in between. With
   * {@link #raw}, a caller writes a repeated part once and copies it afterwards; the part must
   * leave the writer's state as it found it (for example whole fields of an object that already
   * has one).
   */
  byte[] recorded(long mark) {
    if ((int) (mark >>> 32) != flushes) {
      return null;
    }
    return Arrays.copyOfRange(buf, (int) mark, pos);
  }

  /** Bytes recorded earlier at the same place of the same layout (see {@link #recorded}). */
  void raw(byte[] b) throws IOException {
    put(b, 0, b.length);
  }

  /** Writes what is buffered; the caller closes the stream. */
  void flush() throws IOException {
    if (depth != 0) {
      throw new IllegalStateException("unclosed JSON containers: " + depth);
    }
    drain();
    out.flush();
  }

  private void beforeValue() throws IOException {
    if (depth == 0 || object[depth - 1]) {
      return; // the root value, or a field's value (its field name wrote the separators)
    }
    if (entries[depth - 1]++ > 0) {
      put((byte) ',');
    }
    put((byte) ' ');
  }

  private void push(boolean isObject) {
    if (depth == MAX_DEPTH) {
      throw new IllegalStateException("JSON nested too deep");
    }
    object[depth] = isObject;
    entries[depth] = 0;
    depth++;
  }

  private int pop() {
    if (depth == 0) {
      throw new IllegalStateException("no open JSON container");
    }
    return entries[--depth];
  }

  private void indent(int level) throws IOException {
    byte[] b = level < INDENT.length ? INDENT[level]
        : ("\n" + "  ".repeat(level)).getBytes(StandardCharsets.US_ASCII);
    put(b, 0, b.length);
  }

  /** Printable ASCII without a quote or a backslash: the bytes Jackson writes as they are. */
  private static boolean plain(byte[] utf8) {
    for (byte b : utf8) {
      if (b < 0x20 || b == '"' || b == '\\') { // bytes of non-ASCII characters are negative
        return false;
      }
    }
    return true;
  }

  private static byte[] quoted(String s) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (JsonGenerator g = FACTORY.createGenerator(b, JsonEncoding.UTF8)) {
        g.writeString(s);
      }
      return b.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("field name " + s + " cannot be written", e);
    }
  }

  /** The string as Jackson's UTF-8 generator writes it, quotes included. */
  private byte[] jackson(String s) throws IOException {
    scratch.reset();
    try (JsonGenerator g = FACTORY.createGenerator(scratch, JsonEncoding.UTF8)) {
      g.writeString(s);
    }
    return scratch.toByteArray();
  }

  private void put(byte b) throws IOException {
    if (pos == buf.length) {
      drain();
    }
    buf[pos++] = b;
  }

  private void put(byte[] b, int off, int len) throws IOException {
    if (len > buf.length - pos) {
      drain();
      if (len > buf.length) {
        out.write(b, off, len);
        return;
      }
    }
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  private void ensure(int n) throws IOException {
    if (n > buf.length - pos) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
    flushes++;
  }
}
