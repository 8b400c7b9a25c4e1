package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.eval.Split;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;

/**
 * Real malicious npm tarballs from ../shared/corpus (train side of the split only), decrypted in
 * memory at test time: never written to the repository, never run.
 */
final class Corpus {
  /** One sample's inner archive. */
  record Sample(String name, String version, byte[] tgz) {}

  private Corpus() {}

  static Optional<Path> npmRoot() {
    for (Path p : List.of(Path.of("../shared"), Path.of("../../shared"), Path.of("/work/shared"))) {
      Path root = p.resolve("corpus/malicious/samples/npm/malicious_intent");
      if (Files.isDirectory(root)) {
        return Optional.of(root);
      }
    }
    return Optional.empty();
  }

  /** Up to {@code max} train-side npm samples whose inner archive is a .tgz, sorted by name. */
  static List<Sample> npm(int max) throws IOException {
    return npm(max, false);
  }

  /**
   * Up to {@code max} npm samples of one side of the split ({@code holdout}: the validation side,
   * which detection work does not tune on) whose inner archive is a .tgz, sorted by name.
   */
  static List<Sample> npm(int max, boolean holdout) throws IOException {
    Optional<Path> root = npmRoot();
    List<Sample> out = new ArrayList<>();
    if (root.isEmpty()) {
      return out;
    }
    JsonNode manifest = new ObjectMapper().readTree(
        root.get().getParent().resolve("manifest.json").toFile());
    List<String> names = new ArrayList<>();
    manifest.fieldNames().forEachRemaining(names::add);
    names.sort(String::compareTo);
    Split train = Split.parse("train", 5, Split.DEFAULT_SEED);
    for (String name : names) {
      if (out.size() >= max || train.isValidation(name) != holdout) {
        continue;
      }
      Iterator<JsonNode> vs = manifest.path(name).elements();
      if (!vs.hasNext()) {
        continue;
      }
      String version = vs.next().asText();
      Path dir = root.get().resolve(name.replace('/', '@')).resolve(version);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Path zip;
      try (var files = Files.list(dir)) {
        zip = files.filter(f -> f.toString().endsWith(".zip")).sorted().findFirst().orElse(null);
      }
      if (zip == null) {
        continue;
      }
      byte[] inner = innerTgz(zip);
      if (inner != null) {
        out.add(new Sample(name, version, inner));
      }
    }
    return out;
  }

  private static byte[] innerTgz(Path zip) throws IOException {
    try (InputStream fin = Files.newInputStream(zip);
        ZipInputStream zin = new ZipInputStream(fin, "infected".toCharArray())) {
      LocalFileHeader h;
      while ((h = zin.getNextEntry()) != null) {
        if (!h.isDirectory() && h.getFileName().endsWith(".tgz")) {
          return zin.readAllBytes();
        }
      }
    }
    return null;
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
