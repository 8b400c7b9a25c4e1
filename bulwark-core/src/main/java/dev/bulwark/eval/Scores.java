package dev.bulwark.eval;

/**
 * The confusion counts of one ecosystem (or of all), and the rates derived from them. Samples that
 * failed to scan are counted in the error fields only, not in the rates. A rate whose denominator is
 * zero is 0.
 *
 * @param ecosystem "npm", "PyPI", "unknown" or "all"
 * @param malicious malicious samples scanned without error
 * @param benign benign samples scanned without error
 * @param maliciousErrors malicious samples that failed
 * @param benignErrors benign samples that failed
 * @param detectedMalicious malicious samples with verdict malicious (true positives)
 * @param detectedSuspicious malicious samples with verdict suspicious or malicious
 * @param falsePositivesMalicious benign samples with verdict malicious
 * @param falsePositivesSuspicious benign samples with verdict suspicious or malicious
 * @param incomplete samples scanned (and counted above) whose reading or analysis reported
 *     problems, so that part of the package may not have been analysed
 */
public record Scores(
    String ecosystem,
    int malicious,
    int benign,
    int maliciousErrors,
    int benignErrors,
    int detectedMalicious,
    int detectedSuspicious,
    int falsePositivesMalicious,
    int falsePositivesSuspicious,
    int incomplete) {

  public double recallAtMalicious() {
    return ratio(detectedMalicious, malicious);
  }

  public double recallAtSuspicious() {
    return ratio(detectedSuspicious, malicious);
  }

  public double falsePositiveRateAtMalicious() {
    return ratio(falsePositivesMalicious, benign);
  }

  public double falsePositiveRateAtSuspicious() {
    return ratio(falsePositivesSuspicious, benign);
  }

  /** At verdict malicious. Depends on the ratio of malicious to benign samples in the corpora. */
  public double precision() {
    return ratio(detectedMalicious, detectedMalicious + falsePositivesMalicious);
  }

  /** Harmonic mean of precision and recall, at verdict malicious. */
  public double f1() {
    double p = precision();
    double r = recallAtMalicious();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public int errors() {
    return maliciousErrors + benignErrors;
  }

  private static double ratio(int num, int den) {
    return den == 0 ? 0 : (double) num / den;
  }
}
