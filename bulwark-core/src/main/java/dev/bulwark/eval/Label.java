package dev.bulwark.eval;

/** The ground truth of a sample. */
public enum Label {
  MALICIOUS,
  BENIGN
}
