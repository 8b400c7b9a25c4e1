package dev.bulwark.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index settings in pip's config files ({@code PIP_CONFIG_FILE}, the user's pip.conf files,
 * then the site file), read as "[section]" and "key = value" lines. Hand-written for the same
 * reason as {@link Npmrc}; continuation lines of extra-index-url are supported.
 */
record PipConfig(String index, List<String> extraIndexes, String origin) {
  private static final long MAX_BYTES = 1L << 20;

  static PipConfig read(ConfigSources src) {
    List<Path> files = new ArrayList<>();
    String explicit = src.env().getOrDefault("PIP_CONFIG_FILE", "");
    if (!explicit.isEmpty()) {
      files.add(Path.of(explicit));
    }
    String xdg = src.env().getOrDefault("XDG_CONFIG_HOME", src.home().resolve(".config").toString());
    files.add(Path.of(xdg, "pip", "pip.conf"));
    files.add(src.home().resolve(".pip").resolve("pip.conf"));
    String venv = src.env().getOrDefault("VIRTUAL_ENV", "");
    if (!venv.isEmpty()) {
      files.add(Path.of(venv, "pip.conf"));
    }
    for (Path f : files) {
      PipConfig c = parse(f);
      if (!c.index().isEmpty() || !c.extraIndexes().isEmpty()) {
        return c;
      }
    }
    return new PipConfig("", List.of(), "");
  }

  static PipConfig parse(Path f) {
    try {
      if (!Files.isRegularFile(f) || Files.size(f) > MAX_BYTES) {
        return new PipConfig("", List.of(), "");
      }
      return parseText(Files.readString(f, StandardCharsets.UTF_8), f.toString());
    } catch (IOException | java.io.UncheckedIOException e) {
      return new PipConfig("", List.of(), "");
    }
  }

  static PipConfig parseText(String text, String origin) {
    String section = "";
    String index = "";
    List<String> extra = new ArrayList<>();
    String lastKey = "";
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      boolean continuation = Character.isWhitespace(raw.charAt(0));
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip();
        lastKey = "";
      } else if (continuation && lastKey.equals("extra-index-url")) {
        extra.addAll(RegistryConfig.split(line));
      } else if (section.equals("global") || section.equals("install") || section.equals("download")) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        lastKey = line.substring(0, eq).strip().replace('_', '-');
        String value = line.substring(eq + 1).strip();
        if (lastKey.equals("index-url") && !value.isEmpty()) {
          index = value;
        } else if (lastKey.equals("extra-index-url")) {
          extra.addAll(RegistryConfig.split(value));
        }
      }
    }
    return new PipConfig(index, extra, origin);
  }

  /** The index URL from {@code pip config list} output ("global.index-url='…'"). */
  static Optional<String> indexFromList(String output) {
    for (String line : output.split("\r?\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).strip().endsWith(".index-url")) {
        String v = line.substring(eq + 1).strip();
        if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) {
          v = v.substring(1, v.length() - 1);
        }
        if (RegistryConfig.isHttpUrl(v)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }
}
