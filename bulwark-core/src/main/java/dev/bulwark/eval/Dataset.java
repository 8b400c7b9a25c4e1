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

  /** This dataset and another, samples re-sorted. */
  public Dataset plus(Dataset other) {
    List<Sample> s = new ArrayList<>(samples);
    s.addAll(other.samples);
    List<String> n = new ArrayList<>(notes);
    n.addAll(other.notes);
    return new Dataset(s, n);
  }
}
