package dev.bulwark.artifact;

import java.util.function.LongSupplier;

/**
 * Checks decompressed bytes against the package's total-size, time and compression-ratio limits as
 * they stream by. One meter per decompressed stream; {@code compressed} reports how many compressed
 * bytes that stream has consumed so far (real bytes, not header values).
 */
class Meter {
  static final Meter NONE = new Meter(null, () -> 1) {
    @Override
    void add(long n) {}
  };

  private final ReadContext ctx;
  private final LongSupplier compressed;
  private long produced;
  private String where = "";

  Meter(ReadContext ctx, LongSupplier compressed) {
    this.ctx = ctx;
    this.compressed = compressed;
  }

  /** The entry now being read, for messages. */
  Meter at(String path) {
    this.where = path;
    return this;
  }

  String where() {
    return where;
  }

  void add(long n) throws LimitExceeded {
    produced += n;
    ctx.addProcessed(n, where);
    if (produced > ReaderLimits.RATIO_FLOOR) {
      long c = Math.max(1, compressed.getAsLong());
      double ratio = (double) produced / c;
      if (ratio > ctx.limits().maxCompressionRatio()) {
        throw new LimitExceeded(
            ReaderFindingRules.BOMB,
            where,
            String.format(
                java.util.Locale.ROOT,
                "%d compressed bytes expanded to more than %d bytes (ratio over %.0f); reading"
                    + " stopped.",
                c,
                produced,
                ctx.limits().maxCompressionRatio()));
      }
    }
  }
}
