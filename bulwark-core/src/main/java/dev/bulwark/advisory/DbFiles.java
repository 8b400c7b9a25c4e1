package dev.bulwark.advisory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * File handling around the database: a new database is built in a scratch file beside the old
 * one and moved over it in one atomic rename, so readers and a crash only ever see a whole file.
 * Scratch files have fixed names, so a run after a crash finds and removes them.
 */
final class DbFiles {
  private DbFiles() {}

  /** The scratch file a new database is built in. */
  static Path building(Path db) {
    return db.resolveSibling(db.getFileName() + ".building");
  }

  /** The scratch file a download of one source is streamed to. */
  static Path download(Path db, String source) {
    StringBuilder safe = new StringBuilder();
    for (char c : source.toCharArray()) {
      safe.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
    }
    return db.resolveSibling(db.getFileName() + "." + safe + ".download");
  }

  /**
   * Takes the lock that keeps two builds of one database apart (they would share scratch files).
   * The lock file stays; the lock itself ends with the process.
   */
  static FileLock lock(Path db) throws AdvisoryException {
    Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        throw new AdvisoryException(db + ": another import or update of this database is running");
      }
      return lock;
    } catch (IOException | OverlappingFileLockException e) {
      throw new AdvisoryException(db + ": another import or update of this database is running", e);
    }
  }

  /** Releases a lock from {@link #lock} and closes its file. */
  static void unlock(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      // The lock ends with the process anyway.
    }
  }

  /** Removes scratch files left by an interrupted run. */
  static void removeLeftovers(Path db, Iterable<String> sources) throws IOException {
    Files.deleteIfExists(building(db));
    for (String s : sources) {
      Files.deleteIfExists(download(db, s));
    }
  }

  /** Flushes the new file to disk and renames it over the database atomically. */
  static void swap(Path built, Path db) throws IOException {
    try (FileChannel ch = FileChannel.open(built, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(built, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this only happens on unusual file systems: a plain replace is the best left.
      Files.move(built, db, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
