package dev.bulwark.analysis.content;

import dev.bulwark.analysis.rules.Language;

/** What a file is, told from its bytes (magic numbers, shebang, content), not its name alone. */
public enum ContentType {
  JAVASCRIPT(Language.JAVASCRIPT, Family.CODE),
  TYPESCRIPT(Language.TYPESCRIPT, Family.CODE),
  PYTHON(Language.PYTHON, Family.CODE),
  BASH(Language.BASH, Family.CODE),
  JSON(Language.JSON, Family.CODE),
  TEXT(Language.TEXT, Family.TEXT),
  ELF(Language.BINARY, Family.EXECUTABLE),
  PE(Language.BINARY, Family.EXECUTABLE),
  MACHO(Language.BINARY, Family.EXECUTABLE),
  WASM(Language.BINARY, Family.EXECUTABLE),
  WOFF(Language.BINARY, Family.FONT),
  WOFF2(Language.BINARY, Family.FONT),
  TTF(Language.BINARY, Family.FONT),
  OTF(Language.BINARY, Family.FONT),
  PNG(Language.BINARY, Family.IMAGE),
  JPEG(Language.BINARY, Family.IMAGE),
  GIF(Language.BINARY, Family.IMAGE),
  ZIP(Language.BINARY, Family.ARCHIVE),
  GZIP(Language.BINARY, Family.ARCHIVE),
  BINARY(Language.BINARY, Family.OTHER_BINARY);

  /** Broad kinds of content. */
  public enum Family {
    CODE,
    TEXT,
    EXECUTABLE,
    FONT,
    IMAGE,
    ARCHIVE,
    OTHER_BINARY
  }

  private final Language language;
  private final Family family;

  ContentType(Language language, Family family) {
    this.language = language;
    this.family = family;
  }

  public Language language() {
    return language;
  }

  public Family family() {
    return family;
  }

  public boolean isText() {
    return family == Family.CODE || family == Family.TEXT;
  }

  /** ELF, PE, Mach-O (WebAssembly is reported separately: it needs a host to run). */
  public boolean isNativeExecutable() {
    return this == ELF || this == PE || this == MACHO;
  }
}
