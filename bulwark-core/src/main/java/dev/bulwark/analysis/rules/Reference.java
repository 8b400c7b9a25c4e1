package dev.bulwark.analysis.rules;

/**
 * A reference: {@code kind} is "mitre" (value is an ATT&CK technique id) or "url".
 */
public record Reference(String kind, String value) {}
