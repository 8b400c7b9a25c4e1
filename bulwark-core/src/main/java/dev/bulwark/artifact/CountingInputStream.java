package dev.bulwark.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes read or skipped and reports each batch to a {@link Meter}, which may abort the read.
 * Hand-written because the counters in commons-io cannot throw a checked limit error mid-read.
 */
final class CountingInputStream extends FilterInputStream {
  private final Meter meter;
  private long count;

  /** A plain counter (no meter). */
  CountingInputStream(InputStream in) {
    this(in, Meter.NONE);
  }

  CountingInputStream(InputStream in, Meter meter) {
    super(in);
    this.meter = meter;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    if (s > 0) {
      add(s);
    }
    return s;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Closing is the owner's business: nested readers must not close the outer stream. */
  @Override
  public void close() {}

  private void add(long n) throws IOException {
    count += n;
    meter.add(n);
  }
}
