package dev.bulwark.analysis.rules;

import java.util.Objects;

/** A rule's plain-language explanation: what the code does, why attackers do it, what to do. */
public record Explanation(String what, String why, String action) {
  public Explanation {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(action, "action");
  }
}
