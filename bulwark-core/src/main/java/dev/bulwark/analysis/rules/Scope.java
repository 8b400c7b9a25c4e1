package dev.bulwark.analysis.rules;

/** Whether a rule looks at files as shipped, at payloads revealed by deobfuscation, or both. */
public enum Scope {
  CODE,
  DECODED
}
