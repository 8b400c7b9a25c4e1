package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in a stable folder, so that it is extracted from the jar
 * once, not on every run (sqlite-jdbc extracts it into the temp folder each time unless
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} name an existing copy). The
 * launcher passes the folder as {@code -Dbulwark.native.cache=DIR}; without it nothing changes.
 */
final class NativeLibs {
  static final String CACHE_PROPERTY = "bulwark.native.cache";

  private NativeLibs() {}

  /** Points sqlite-jdbc at a cached copy of its library, extracting it first when missing. */
  static void useCache() {
    String cache = System.getProperty(CACHE_PROPERTY, "");
    if (cache.isEmpty() || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    Path dir = Path.of(cache, "sqlite-" + SQLiteJDBCLoader.getVersion());
    Path lib = dir.resolve(name);
    try {
      if (!Files.isRegularFile(lib)) {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
          if (in == null) {
            return; // no bundled library for this platform: sqlite-jdbc reports it itself
          }
          Files.createDirectories(dir);
          Path tmp = Files.createTempFile(dir, name, ".part");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException e) {
      // Not fatal: sqlite-jdbc falls back to extracting into the temp folder.
    }
  }
}
