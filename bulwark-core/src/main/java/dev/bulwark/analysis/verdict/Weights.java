package dev.bulwark.analysis.verdict;

import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;

/** Every number of the verdict model, in one place (documented in docs/verdict.md). */
public final class Weights {
  /** Score at or above which a package with a strong threat finding is malicious. */
  public static final int MALICIOUS_SCORE = 70;
  /** Score at or above which a package is suspicious. */
  public static final int SUSPICIOUS_SCORE = 15;
  /** Capability findings together never add more than this. */
  public static final int CAPABILITY_CAP = 40;
  /** A package with capability findings only never scores above this. */
  public static final int CAPABILITY_ONLY_MAX = 49;
  /** Distinct capability categories that make a capabilities-only package suspicious. */
  public static final int CAPABILITY_CATEGORIES_FOR_SUSPICIOUS = 3;
  /** Each further threat finding counts this fraction of the one before (diminishing returns). */
  public static final double THREAT_DECAY = 0.5;

  /** Bonus: install hook with network or download, and credential or environment access. */
  public static final int BONUS_HOOK_EXFIL = 35;
  /** Bonus: a threat (medium or more, confidence not low) in code that runs at install time. */
  public static final int BONUS_INSTALL_TIME_THREAT = 40;
  /** Bonus: two or more different rules found high-severity threats, confidence not low. */
  public static final int BONUS_INDEPENDENT_HIGH_THREATS = 20;
  /** Bonus: install hook that downloads and runs something. */
  public static final int BONUS_HOOK_DOWNLOAD = 25;
  /** Bonus: a payload revealed by deobfuscation holds code execution, download or exfiltration. */
  public static final int BONUS_DECODED_EXEC = 35;
  /** Bonus: obfuscation together with execution, download or exfiltration. */
  public static final int BONUS_OBFUSCATED_BEHAVIOUR = 15;
  /** Bonus: credential theft together with exfiltration or network use. */
  public static final int BONUS_STEAL_AND_SEND = 25;

  private Weights() {}

  static double threat(Severity s) {
    return switch (s) {
      case CRITICAL -> 80;
      case HIGH -> 45;
      case MEDIUM -> 22;
      case LOW -> 8;
      case UNKNOWN -> 4;
    };
  }

  static double capability(Severity s) {
    return switch (s) {
      case CRITICAL -> 12;
      case HIGH -> 9;
      case MEDIUM -> 6;
      case LOW -> 3;
      case UNKNOWN -> 2;
    };
  }

  static double confidence(Confidence c) {
    return switch (c) {
      case HIGH -> 1.0;
      case MEDIUM -> 0.75;
      case LOW -> 0.45;
    };
  }
}
