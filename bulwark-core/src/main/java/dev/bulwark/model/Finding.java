package dev.bulwark.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One detection finding in scanned code or in an archive's structure.
 *
 * @param ruleId the rule that produced it (its explanation is looked up by this id)
 * @param category the rule's category
 * @param severity the rule's severity
 * @param confidence the rule's confidence
 * @param threat true for a threat finding (this is an attack), false for a capability finding
 *     (this code can do something that attacks also need, such as using the network)
 * @param location file, line and column (1-based; 0 when unknown)
 * @param snippet a short excerpt of the matched code: escaped, one line, at most 200 characters
 * @param decoded the payload excerpt revealed by deobfuscation, "" when none
 * @param message one plain sentence saying what was found here
 */
public record Finding(
    String ruleId,
    Category category,
    Severity severity,
    Confidence confidence,
    boolean threat,
    SourceLocation location,
    String snippet,
    String decoded,
    String message)
    implements Comparable<Finding> {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(snippet, "snippet");
    Objects.requireNonNull(decoded, "decoded");
    Objects.requireNonNull(message, "message");
  }

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::location)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::snippet);

  /** Most severe first, then by file, line, column and rule. */
  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
