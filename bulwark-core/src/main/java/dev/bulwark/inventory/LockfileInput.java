package dev.bulwark.inventory;

import dev.bulwark.model.ExtractionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A lockfile's text, already read with size limits and strict UTF-8 decoding.
 *
 * @param path the file on disk (used to resolve includes such as {@code -r other.txt})
 * @param displayPath the path to show in output, relative to the scan root
 * @param text the whole text (a leading byte-order mark removed)
 * @param maxBytes the size limit applied, also to included files
 */
public record LockfileInput(Path path, String displayPath, String text, long maxBytes) {
  /** Default per-file limit: 64 MiB. Real lockfiles of 10k packages are a few MB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;

  public LockfileInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(text, "text");
  }

  /** Reads a file for extraction, refusing links, oversize files and invalid UTF-8. */
  public static LockfileInput read(Path path, String displayPath, long maxBytes)
      throws ExtractionException {
    return new LockfileInput(path, displayPath, readText(path, displayPath, maxBytes), maxBytes);
  }

  /** Builds an input from text in memory (tests, archives). */
  public static LockfileInput ofText(String displayPath, String text) {
    return new LockfileInput(Path.of(displayPath), displayPath, stripBom(text), DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a file named relative to this one (requirements {@code -r}/{@code -c} includes). The
   * result is checked with the same limits.
   */
  public LockfileInput readRelative(String relative) throws ExtractionException {
    Path parent = path.toAbsolutePath().getParent();
    Path target = parent == null ? Path.of(relative) : parent.resolve(relative).normalize();
    String parentDisplay = displayPath.contains("/")
        ? displayPath.substring(0, displayPath.lastIndexOf('/') + 1) : "";
    String display = Path.of(parentDisplay + relative).normalize().toString().replace('\\', '/');
    return read(target, display, maxBytes);
  }

  static String readText(Path path, String display, long maxBytes) throws ExtractionException {
    try {
      if (Files.isSymbolicLink(path)) {
        throw new ExtractionException(display, 0, "refusing to follow a symbolic link");
      }
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new ExtractionException(display, 0, "not a regular file");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new ExtractionException(display, 0,
            "file is " + size + " bytes, over the limit of " + maxBytes + " bytes; not read");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
      }
      if (bytes.length > maxBytes) {
        throw new ExtractionException(display, 0, "file grew over the limit of " + maxBytes + " bytes");
      }
      return stripBom(decodeUtf8(bytes, display));
    } catch (IOException e) {
      throw new ExtractionException(display, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  static String decodeUtf8(byte[] bytes, String display) throws ExtractionException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      int line = 1;
      // find the first bad byte to report its line
      int bad = firstInvalidUtf8(bytes);
      for (int i = 0; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ExtractionException(display, line, "invalid UTF-8 at byte " + bad);
    }
  }

  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
      if (n < 0 || i + n >= b.length) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return b.length;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** 1-based line number of a character offset in {@link #text()}. */
  public int lineOf(int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
