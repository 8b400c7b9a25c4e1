package dev.bulwark.analysis.content;

import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Scope;
import java.util.Objects;

/**
 * One file as the rules see it: a file of the package, a virtual file cut out of one (an npm
 * script, a .pth's code lines) or a payload revealed by deobfuscation.
 *
 * @param path the display path ({@code index.js}, {@code package.json#scripts.postinstall},
 *     {@code index.js!decoded/1})
 * @param selectPath the path file selectors test (decoded payloads use their origin's path)
 * @param type the detected content type
 * @param language the language rules see
 * @param scope code or decoded
 * @param text the text (binaries as Latin-1)
 * @param executable whether the package marks the file executable
 * @param depth 0 for shipped files, n for the n-th decoding layer
 * @param decoded the escaped excerpt of the payload when this is a decoded file, else ""
 */
public record ScanFile(
    String path,
    String selectPath,
    ContentType type,
    Language language,
    Scope scope,
    String text,
    boolean executable,
    int depth,
    String decoded) {
  public ScanFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(selectPath, "selectPath");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(decoded, "decoded");
  }

  /** A shipped file. */
  public static ScanFile code(String path, ContentType type, String text, boolean executable) {
    return new ScanFile(path, path, type, type.language(), Scope.CODE, text, executable, 0, "");
  }
}
