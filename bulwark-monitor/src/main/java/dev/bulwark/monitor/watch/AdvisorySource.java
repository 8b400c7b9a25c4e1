package dev.bulwark.monitor.watch;

import dev.bulwark.advisory.AdvisoryDatabase;
import dev.bulwark.advisory.AdvisoryException;
import dev.bulwark.advisory.AdvisoryMatch;
import dev.bulwark.model.Dependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * The local advisory database ({@code bulwark db update} / {@code db import}), reopened when its
 * file changes: a change is how the watch learns that new advisories arrived. Used from the
 * watch's one event thread only.
 */
final class AdvisorySource implements AutoCloseable {
  private final Optional<Path> path;
  private AdvisoryDatabase db;
  private FileTime opened;

  AdvisorySource(Optional<Path> path) {
    this.path = path;
  }

  static AdvisorySource none() {
    return new AdvisorySource(Optional.empty());
  }

  /** True (and reopened) when the file changed since the last call or open. */
  synchronized boolean changed() {
    Optional<FileTime> now = mtime();
    if (now.isEmpty() || now.get().equals(opened)) {
      return false;
    }
    reopen();
    return db != null;
  }

  synchronized List<AdvisoryMatch> match(Dependency d) throws WatchException {
    if (db == null && (opened == null || !opened.equals(mtime().orElse(null)))) {
      reopen();
    }
    if (db == null) {
      return List.of();
    }
    try {
      return db.match(d);
    } catch (AdvisoryException e) {
      throw new WatchException("advisory database: " + e.getMessage(), e);
    }
  }

  private Optional<FileTime> mtime() {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.getLastModifiedTime(path.get()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void reopen() {
    close();
    Optional<FileTime> t = mtime();
    if (t.isEmpty()) {
      return;
    }
    opened = t.get();
    try {
      db = AdvisoryDatabase.open(path.get());
    } catch (AdvisoryException e) {
      db = null;
    }
  }

  @Override
  public synchronized void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
