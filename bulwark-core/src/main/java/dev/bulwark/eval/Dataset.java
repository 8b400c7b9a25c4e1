package dev.bulwark.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples found under one or more dataset folders, sorted by id, plus notes on what discovery
 * skipped or could not match (for example a manifest entry without a sample file).
 */
public record Dataset(List<Sample> samples, List<String> notes) {
  public Dataset {
    samples = samples.stream().sorted().toList();
    notes = List.copyOf(notes);
  }

  public static Dataset empty() {
    return new Dataset(List.of(), List.of());
  }

  /**
   * At most {@code max} samples, evenly spread over the sorted list (every k-th), for quick runs.
   * Deterministic: the same dataset and bound give the same subset.
   */
  public Dataset spread(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    if (samples.size() <= max) {
      return this;
    }
    List<Sample> s = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      s.add(samples.get((int) ((long) i * samples.size() / max)));
    }
    return new Dataset(s, notes);
  }

  /** This dataset and another, samples re-sorted. */
  public Dataset plus(Dataset other) {
    List<Sample> s = new ArrayList<>(samples);
    s.addAll(other.samples);
    List<String> n = new ArrayList<>(notes);
    n.addAll(other.notes);
    return new Dataset(s, n);
  }
}
