package dev.bulwark.registry;

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (adjacent transpositions count
 * as one edit). Hand-written: it is twenty lines, with an early exit once the bound is exceeded,
 * which the library implementations we have do not offer.
 */
final class EditDistance {
  private EditDistance() {}

  /** The distance, or {@code bound + 1} as soon as it must exceed {@code bound}. */
  static int osa(String a, String b, int bound) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
    }
    return d[n][m];
  }
}
