package dev.bulwark.monitor;

import java.util.Optional;

/**
 * Turns one queued version into a verdict: download, verify, scan, heuristics, diff. A bad
 * artifact (404, hash mismatch, bomb, timeout) is an {@code error} verdict, not an exception.
 */
public interface Judge {
  /** A failure that another attempt may fix (a 503 while downloading, a reset connection). */
  final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public TransientFailure(String message) {
      super(message);
    }
  }

  VerdictRecord judge(VersionEvent event, Optional<VerdictRecord> previous)
      throws TransientFailure, InterruptedException;
}
