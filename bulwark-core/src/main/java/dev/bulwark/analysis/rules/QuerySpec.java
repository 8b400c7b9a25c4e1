package dev.bulwark.analysis.rules;

/**
 * A tree-sitter query as written in a rule, with the rule id for caching and error messages.
 *
 * @param ruleId the owning rule
 * @param source the query text
 */
public record QuerySpec(String ruleId, String source) {}
