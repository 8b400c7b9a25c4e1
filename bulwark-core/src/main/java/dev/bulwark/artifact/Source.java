package dev.bulwark.artifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Archive bytes to read: a file on disk (streamed) or bytes already in memory (nested archives). */
record Source(String name, Optional<Path> file, byte[] bytes) {
  static Source of(Path p) {
    Path fn = p.getFileName();
    return new Source(fn == null ? p.toString() : fn.toString(), Optional.of(p), new byte[0]);
  }

  static Source of(String name, byte[] bytes) {
    return new Source(name, Optional.empty(), bytes);
  }

  /** Random access, for reading a zip by its central directory. */
  java.nio.channels.SeekableByteChannel channel() throws IOException {
    return file.isPresent()
        ? Files.newByteChannel(file.get(), java.nio.file.StandardOpenOption.READ)
        : new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes);
  }

  InputStream open() throws IOException {
    return file.isPresent()
        ? new java.io.BufferedInputStream(Files.newInputStream(file.get()), 64 * 1024)
        : new ByteArrayInputStream(bytes);
  }
}
