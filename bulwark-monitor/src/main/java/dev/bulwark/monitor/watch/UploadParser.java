package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an uploaded file into dependencies with the core's lockfile readers (every format
 * {@code bulwark audit} reads), or, for a CycloneDX JSON SBOM, from its components' package URLs.
 * The file is written alone into a fresh temporary folder, so a reader's includes
 * ({@code -r other.txt}, a {@code package.json} beside a lockfile) find nothing of the server's.
 */
final class UploadParser {
  /** File names accepted: a base name, no path, no control characters. */
  private static final com.google.re2j.Pattern NAME = com.google.re2j.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
  /** Components read from an SBOM. */
  static final int MAX_COMPONENTS = 200_000;
  private static final ObjectMapper M = new ObjectMapper();
  private static final com.google.re2j.Pattern PEP503 = com.google.re2j.Pattern.compile("[-_.]+");

  /** What an upload holds. */
  record Parsed(String file, String format, List<Dependency> dependencies, List<String> problems) {
    Parsed {
      dependencies = List.copyOf(dependencies);
      problems = List.copyOf(problems);
    }
  }

  private final List<LockfileExtractor> extractors = Extractors.all();
  private final Path tmpRoot;

  UploadParser(Path tmpRoot) {
    this.tmpRoot = tmpRoot;
  }

  Parsed parse(String fileName, byte[] body) throws UploadException {
    if (!NAME.matcher(fileName).matches()) {
      throw new UploadException(400, "file name '" + shown(fileName) + "' is not accepted: give"
          + " the lockfile's own base name, such as package-lock.json (letters, digits, '.', '_',"
          + " '-', '+'; at most 100 characters)");
    }
    if (body.length == 0) {
      throw new UploadException(400, fileName + ": the file is empty");
    }
    Optional<LockfileExtractor> ex = extractors.stream().filter(e -> e.handles(fileName))
        .findFirst();
    if (ex.isEmpty() || looksLikeCycloneDx(fileName, body)) {
      if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
        return cycloneDx(fileName, body);
      }
      throw new UploadException(415, fileName + ": not a lockfile, manifest or CycloneDX JSON"
          + " SBOM that Bulwark reads (see docs/watch.md for the list)");
    }
    return lockfile(fileName, body, ex.get());
  }

  private static boolean looksLikeCycloneDx(String name, byte[] body) {
    if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return false;
    }
    String head = new String(body, 0, Math.min(body.length, 4096),
        java.nio.charset.StandardCharsets.UTF_8);
    return head.contains("\"bomFormat\"") && head.contains("CycloneDX");
  }

  private Parsed lockfile(String fileName, byte[] body, LockfileExtractor ex)
      throws UploadException {
    Path dir = null;
    try {
      Files.createDirectories(tmpRoot);
      dir = Files.createTempDirectory(tmpRoot, "upload-");
      Path f = dir.resolve(fileName);
      Files.write(f, body);
      Inventory inv = ex.extract(LockfileInput.read(f, fileName, body.length + 1L));
      List<String> problems = new ArrayList<>();
      for (Problem p : inv.problems()) {
        problems.add(describe(p));
      }
      if (inv.dependencies().isEmpty() && !problems.isEmpty()) {
        throw new UploadException(422, fileName + ": no packages could be read: "
            + problems.get(0));
      }
      return new Parsed(fileName, ex.id(), inv.dependencies(), problems);
    } catch (ExtractionException e) {
      throw new UploadException(422, e.describe());
    } catch (RuntimeException e) {
      // A reader bug must give a clear 4xx, not a stack trace.
      throw new UploadException(422, fileName + ": could not be read ("
          + e.getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw new UploadException(500, "could not stage the upload: " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  private static String describe(Problem p) {
    SourceLocation l = p.location();
    return l.file() + (l.line() > 0 ? ":" + l.line() : "") + ": " + p.message();
  }

  /** CycloneDX JSON: components (nested too) whose purl is npm or pypi with a version. */
  private static Parsed cycloneDx(String fileName, byte[] body) throws UploadException {
    JsonNode root;
    try {
      root = M.readTree(body);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new UploadException(422, fileName + (line > 0 ? ":" + line : "")
          + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UploadException(422, fileName + ": not valid JSON");
    }
    if (root == null || !root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText())) {
      throw new UploadException(415, fileName + ": a JSON file that is not a CycloneDX SBOM"
          + " (no \"bomFormat\": \"CycloneDX\") and not a lockfile Bulwark reads");
    }
    List<Dependency> deps = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root.path("components"));
    int seen = 0;
    while (!todo.isEmpty()) {
      JsonNode list = todo.pop();
      if (!list.isArray()) {
        continue;
      }
      for (JsonNode c : list) {
        if (++seen > MAX_COMPONENTS) {
          throw new UploadException(413, fileName + ": more than " + MAX_COMPONENTS
              + " components");
        }
        todo.push(c.path("components"));
        String purl = c.path("purl").asText("");
        if (purl.isEmpty()) {
          continue;
        }
        try {
          PackageURL u = new PackageURL(purl);
          Optional<Ecosystem> eco = switch (u.getType()) {
            case "npm" -> Optional.of(Ecosystem.NPM);
            case "pypi" -> Optional.of(Ecosystem.PYPI);
            default -> Optional.empty();
          };
          if (eco.isEmpty() || u.getVersion() == null || u.getVersion().isEmpty()) {
            continue;
          }
          String name = eco.get() == Ecosystem.NPM && u.getNamespace() != null
              ? u.getNamespace() + "/" + u.getName() : u.getName();
          if (eco.get() == Ecosystem.PYPI) {
            name = PEP503.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
          }
          deps.add(new Dependency(eco.get(), name, u.getVersion(), false, false, false, false,
              DependencySource.REGISTRY, "", "", SourceLocation.of(fileName), List.of()));
        } catch (MalformedPackageURLException | RuntimeException e) {
          // RuntimeException: packageurl-java throws unchecked errors on some bad escapes.
          if (problems.size() < 100) {
            problems.add(fileName + ": bad package URL '" + shown(purl) + "'");
          }
        }
      }
    }
    return new Parsed(fileName, "cyclonedx", deps, problems);
  }

  /** A name as it may be shown: at most 80 characters, control characters replaced. */
  static String shown(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    StringBuilder b = new StringBuilder();
    t.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temp folder holds only the upload itself.
    }
  }
}
