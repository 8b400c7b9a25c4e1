package dev.bulwark.analysis.ioc;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.SourceLocation;

/** Turns indicator hits into findings, so callers report them like rule matches. */
public final class IocFindings {
  /** The rule id of findings made from indicator hits; its explanation is looked up by this id. */
  public static final String RULE_ID = "known-ioc";

  private IocFindings() {}

  /**
   * A finding for one hit: critical, high confidence, a threat. Hashes count as binary payloads,
   * package entries as metadata, everything else as suspicious network indicators.
   *
   * @param where the file (and line, if known) where the hit was found
   * @param snippet a short escaped excerpt of the text around the hit, or ""
   */
  public static Finding of(IocHit hit, SourceLocation where, String snippet) {
    Ioc i = hit.ioc();
    Category category = switch (i.type()) {
      case SHA256 -> Category.BINARY_PAYLOAD;
      case NPM, PYPI -> Category.METADATA;
      case IPV4, IP_PORT, DOMAIN, URL -> Category.SUSPICIOUS_NETWORK;
    };
    String message = switch (i.type()) {
      case SHA256 -> "This file's SHA-256 matches a known malicious file (" + i.source() + ").";
      case NPM, PYPI -> "This package version is listed as malicious or compromised (" + i.source() + ").";
      case IPV4, IP_PORT, DOMAIN, URL ->
          "Contains " + i.value() + ", a published indicator of a malware server (" + i.source() + ").";
    };
    return new Finding(RULE_ID, category, Severity.CRITICAL, Confidence.HIGH, true, where, snippet, "", message);
  }
}
