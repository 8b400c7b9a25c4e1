package dev.bulwark.analysis.rules;

import java.util.Locale;
import java.util.Optional;

/** The languages a rule can target. {@code ANY} matches every file, binaries included. */
public enum Language {
  JAVASCRIPT("js"),
  TYPESCRIPT("ts"),
  PYTHON("py"),
  BASH("sh"),
  JSON("json"),
  TEXT("txt"),
  /** A binary file (executable, font, image, archive); rules see it as Latin-1 text. */
  BINARY("bin"),
  ANY("txt");

  private final String extension;

  Language(String extension) {
    this.extension = extension;
  }

  /** The file extension used for example files of this language. */
  public String extension() {
    return extension;
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> parse(String s) {
    String n = s.trim().toUpperCase(Locale.ROOT);
    for (Language l : values()) {
      if (l.name().equals(n)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
