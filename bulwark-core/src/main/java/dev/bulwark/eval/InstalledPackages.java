package dev.bulwark.eval;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An installed Python tree (site-packages): each {@code *.dist-info} folder is one package, made of
 * the files its {@code RECORD} lists. Files are only read, never imported. Compiled {@code .pyc}
 * files are left out (the installer made them; they are not what the package shipped), and so is
 * anything outside the tree.
 */
public final class InstalledPackages {
  static final int MAX_FILES = 50_000;
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;
  private static final String DIST_INFO = ".dist-info";

  private InstalledPackages() {}

  static boolean isSitePackages(Path dir) throws IOException {
    return DatasetDiscovery.sortedChildren(dir).stream().anyMatch(InstalledPackages::isDistInfo);
  }

  private static boolean isDistInfo(Path p) {
    return DatasetDiscovery.name(p).endsWith(DIST_INFO)
        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  static Dataset discover(Path root, String prefix, Label label) throws IOException {
    List<Sample> samples = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path c : DatasetDiscovery.sortedChildren(root)) {
      String n = DatasetDiscovery.name(c);
      if (n.endsWith(".egg-info")) {
        notes.add(prefix + "/" + n + ": skipped, egg-info installs have no RECORD");
      }
      if (!isDistInfo(c)) {
        continue;
      }
      String id = prefix + "/" + n.substring(0, n.length() - DIST_INFO.length());
      Path record = c.resolve("RECORD");
      if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
        notes.add(id + ": skipped, no RECORD");
        continue;
      }
      List<String> members = members(Files.readAllLines(record, StandardCharsets.UTF_8));
      samples.add(new Sample(id, label, Optional.of(Ecosystem.PYPI), root, members));
    }
    return new Dataset(samples, notes);
  }

  /** The safe relative paths of a RECORD, in order, without .pyc files and duplicates. */
  static List<String> members(List<String> recordLines) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : recordLines) {
      String p = firstCsvField(line).replace('\\', '/');
      if (p.isEmpty() || p.startsWith("/") || p.contains(":") || p.endsWith(".pyc")) {
        continue;
      }
      boolean unsafe = false;
      for (String seg : p.split("/")) {
        unsafe |= seg.equals("..") || seg.equals(".");
      }
      if (!unsafe && out.size() < MAX_FILES) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The first field of a CSV line, honouring double quotes. Hand-written: RECORD needs only this
   * one field and no CSV library is on the class path.
   */
  static String firstCsvField(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return comma < 0 ? line.trim() : line.substring(0, comma);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else {
          break;
        }
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Reads the files of an installed package into one artifact, within the size limits. */
  public static Artifact read(Sample sample) throws ExtractionException {
    List<ArtifactFile> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    long total = 0;
    for (String m : sample.members().stream().sorted().toList()) {
      Path f = sample.path().resolve(m);
      try {
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          skipped.add(new Skipped(m, "missing, or not a regular file"));
          continue;
        }
        long size = Files.size(f);
        if (size > MAX_FILE_BYTES || total + size > MAX_TOTAL_BYTES) {
          skipped.add(new Skipped(m, "over the size limit (" + size + " bytes)"));
          continue;
        }
        byte[] bytes = readBounded(f, MAX_FILE_BYTES);
        total += bytes.length;
        files.add(new ArtifactFile(m, bytes, Files.isExecutable(f)));
      } catch (IOException e) {
        throw new ExtractionException(f.toString(), 0, "cannot read: " + e.getMessage(), e);
      }
    }
    String[] nv = nameAndVersion(files);
    return new Artifact(
        sample.id(), Optional.of(Ecosystem.PYPI), nv[0], nv[1], files, List.of(), skipped, List.of());
  }

  private static byte[] readBounded(Path f, long max) throws IOException {
    try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes((int) max);
    }
  }

  /** Name and version from the dist-info METADATA headers, else "". */
  private static String[] nameAndVersion(List<ArtifactFile> files) {
    String[] nv = {"", ""};
    for (ArtifactFile f : files) {
      if (f.path().endsWith(DIST_INFO + "/METADATA")) {
        for (String line : new String(f.content(), StandardCharsets.UTF_8).split("\n", 200)) {
          if (line.isBlank()) {
            break;
          }
          if (line.startsWith("Name:")) {
            nv[0] = line.substring(5).trim();
          } else if (line.startsWith("Version:")) {
            nv[1] = line.substring(8).trim();
          }
        }
      }
    }
    return nv;
  }
}
