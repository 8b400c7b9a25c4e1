package dev.bulwark.analysis.rules;

/**
 * One example of a rule: the code and the path it is scanned under.
 *
 * @param code the file content
 * @param path the path inside the package
 * @param line the line of the example in the rule file, for error messages
 */
public record Example(String code, String path, int line) {}
