package dev.bulwark.registry;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;

/**
 * A registry-metadata heuristic, described like a detection rule (category {@code metadata}).
 *
 * @param id "metadata/…"
 * @param title a short name
 * @param severity how bad a match is
 * @param confidence how sure a match is
 * @param threat true when a match says "attack", false for a risk signal
 * @param what what it detects
 * @param why why attackers do this
 * @param action what the user should do
 */
public record MetadataRule(String id, String title, Severity severity, Confidence confidence,
    boolean threat, String what, String why, String action) {

  public Category category() {
    return Category.METADATA;
  }

  /** A finding of this rule about the package at {@code where} ("npm:name@1.0.0"). */
  Finding finding(String where, String evidence, String message) {
    String snippet = evidence.length() > 200 ? evidence.substring(0, 199) + "…" : evidence;
    return new Finding(id, Category.METADATA, severity, confidence, threat,
        SourceLocation.of(where), snippet.replace('\n', ' '), "", message);
  }
}
