package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Dependency;
import dev.bulwark.model.DependencySource;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one requirements file and the files it includes. One instance per extraction (it holds
 * the results and the include stack).
 *
 * <p>Constraints ({@code -c}) files: their entries are not dependencies by themselves. An entry
 * of a constraints file is reported only when the same name is also required by a requirements
 * entry; it is then reported as its own dependency at its own line, next to the requirement it
 * constrains (so a pinned constraint gives the exact version that pip would install).
 */
final class RequirementsReader {
  static final int MAX_DEPTH = 10;
  static final int MAX_FILES = 200;
  static final int MAX_ENTRIES = 200_000;

  private final String rootDisplay;
  private final Path scanRoot;
  private final List<PyDep> required = new ArrayList<>();
  private final List<PyDep> constraints = new ArrayList<>();
  private final List<PackageSourceConfig> sources = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private boolean entryLimitHit;
  /** All included files together may hold no more text than one file may. */
  private final long charBudget;
  private long charsRead;

  RequirementsReader(LockfileInput root) {
    this.rootDisplay = root.displayPath();
    this.scanRoot = scanRootOf(root);
    this.charBudget = root.maxBytes();
    this.charsRead = root.text().length();
  }

  /** The directory the display path is relative to; includes may not leave it. */
  private static Path scanRootOf(LockfileInput in) {
    Path abs = in.path().toAbsolutePath().normalize();
    Path display = Path.of(in.displayPath()).normalize();
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    if (display.isAbsolute() || display.startsWith("..")) {
      return dir;
    }
    for (int i = 1; i < display.getNameCount() && dir.getParent() != null; i++) {
      dir = dir.getParent();
    }
    return dir;
  }

  List<Dependency> dependencies() {
    Set<String> names = new HashSet<>();
    List<Dependency> out = new ArrayList<>();
    for (PyDep d : required) {
      names.add(d.name());
      out.add(d.build());
    }
    for (PyDep c : constraints) {
      if (names.contains(c.name())) {
        out.add(c.build());
      }
    }
    return out;
  }

  List<PackageSourceConfig> sources() {
    return sources;
  }

  List<Problem> problems() {
    return problems.stream().sorted().toList();
  }

  void read(LockfileInput in, boolean constraint, int depth) {
    String key = in.path().toAbsolutePath().normalize() + (constraint ? "#c" : "#r");
    visited.add(key);
    stack.push(key);
    boolean dev = DevNames.isDevFile(in.displayPath());
    for (LogicalLines.Line line : LogicalLines.split(in.text())) {
      if (entryLimitHit) {
        break;
      }
      SourceLocation at = SourceLocation.of(in.displayPath(), line.line());
      if (line.tooLong()) {
        problem("line-too-long", "line is longer than " + LogicalLines.MAX_LINE + " characters; skipped", at);
      } else if (!line.text().isEmpty()) {
        readLine(in, line.text(), at, constraint, dev, depth);
      }
    }
    stack.pop();
  }

  private void readLine(LockfileInput in, String text, SourceLocation at, boolean constraint,
      boolean dev, int depth) {
    List<String> tokens = LogicalLines.tokens(text);
    if (!tokens.get(0).startsWith("-")) {
      requirement(tokens, at, constraint, dev);
      return;
    }
    int i = 0;
    while (i < tokens.size()) {
      Optional<ReqOption.Parsed> p = ReqOption.read(tokens, i);
      if (p.isEmpty()) {
        problem("unknown-option", "unknown option '" + Pep508.shorten(tokens.get(i)) + "'; line skipped", at);
        return;
      }
      ReqOption o = p.get().option();
      i = p.get().next();
      if (o.name().equals("--editable")) {
        editable(o.value(), at, constraint, dev); // the rest of the line is per-requirement options
        return;
      }
      option(in, o, at, constraint, depth);
    }
  }

  private void option(LockfileInput in, ReqOption o, SourceLocation at, boolean constraint, int depth) {
    switch (o.name()) {
      case "--requirement" -> include(in, o.value(), at, constraint, depth);
      case "--constraint" -> include(in, o.value(), at, true, depth);
      case "--index-url", "--extra-index-url", "--find-links", "--trusted-host" -> {
        if (!o.value().isEmpty()) {
          sources.add(new PackageSourceConfig(o.name().substring(2), o.value(), at));
        }
      }
      case "--hash" -> problem("misplaced-option", "--hash must follow a requirement on its line", at);
      default -> { } // --no-index, --pre, --prefer-binary and the like change nothing we report
    }
    if (o.value().isEmpty() && !ReqOption.isFlag(o.name())) {
      problem("missing-value", "option " + o.name() + " has no value", at);
    }
  }

  private void requirement(List<String> tokens, SourceLocation at, boolean constraint, boolean dev) {
    int optStart = 0;
    while (optStart < tokens.size() && !tokens.get(optStart).startsWith("-")) {
      optStart++;
    }
    String text = String.join(" ", tokens.subList(0, optStart));
    List<String> hashes = new ArrayList<>();
    int i = optStart;
    while (i < tokens.size()) {
      Optional<ReqOption.Parsed> p = ReqOption.read(tokens, i);
      if (p.isEmpty()) {
        problem("unknown-option", "unknown option '" + Pep508.shorten(tokens.get(i)) + "' after a requirement; ignored", at);
        i++;
        continue;
      }
      if (p.get().option().name().equals("--hash")) {
        hashes.add(p.get().option().value());
      }
      i = p.get().next();
    }
    Optional<PyDep> dep = DirectUrls.isUrlOrPath(text) ? fromUrl(text, at) : fromPep508(text, at);
    dep.ifPresent(d -> {
      if (!hashes.isEmpty()) {
        d.integrity(PyDep.integrityOf(hashes.get(0)));
      }
      add(d.dev(dev), constraint);
    });
  }

  private void editable(String target, SourceLocation at, boolean constraint, boolean dev) {
    if (target.isEmpty()) {
      problem("missing-value", "option --editable has no value", at);
      return;
    }
    Optional<PyDep> dep = DirectUrls.isUrlOrPath(target) ? fromUrl(target, at) : fromPep508(target, at);
    dep.ifPresent(d -> add(d.dev(dev), constraint));
  }

  private Optional<PyDep> fromPep508(String text, SourceLocation at) {
    try {
      Pep508.Requirement r = Pep508.parse(text);
      PyDep d = PyDep.of(r.name(), at);
      if (!r.url().isEmpty()) {
        d.source(PyDep.sourceOfUrl(r.url())).resolved(r.url());
        DirectUrls.fromArchive(r.url())
            .filter(nv -> PackageNames.normalizePypi(nv.name()).equals(d.name()))
            .ifPresent(nv -> d.pin(Pin.exact(nv.version())));
      } else {
        d.pin(r.pin());
      }
      return Optional.of(d);
    } catch (Pep508.SyntaxError e) {
      problem("invalid-requirement", "invalid requirement '" + Pep508.shorten(text) + "': " + e.getMessage(), at);
      return Optional.empty();
    }
  }

  private Optional<PyDep> fromUrl(String text, SourceLocation at) {
    int semi = text.indexOf("; ");
    String url = (semi >= 0 ? text.substring(0, semi) : text).trim();
    Optional<String> egg = DirectUrls.eggName(url);
    Optional<DirectUrls.NameVersion> archive = DirectUrls.fromArchive(url);
    String name = egg.orElse(archive.map(DirectUrls.NameVersion::name).orElse(""));
    if (name.isEmpty() && PyDep.sourceOfUrl(url) != DependencySource.URL) {
      name = DirectUrls.nameFromPath(url).orElse("");
    }
    if (name.isEmpty()) {
      problem("unnamed-requirement", "cannot tell the package name of '" + Pep508.shorten(url)
          + "' (no #egg=, archive name or path name); not reported", at);
      return Optional.empty();
    }
    PyDep d = PyDep.of(name, at).source(PyDep.sourceOfUrl(url)).resolved(url);
    archive.filter(nv -> PackageNames.normalizePypi(nv.name()).equals(d.name()))
        .ifPresent(nv -> d.pin(Pin.exact(nv.version())));
    return Optional.of(d);
  }

  private void add(PyDep d, boolean constraint) {
    if (entryLimitHit) {
      return;
    }
    if (required.size() + constraints.size() >= MAX_ENTRIES) {
      entryLimitHit = true;
      problem("too-many-entries", "more than " + MAX_ENTRIES + " requirements; the rest were not read",
          SourceLocation.of(rootDisplay));
      return;
    }
    d.direct(true).pathFrom(rootDisplay);
    (constraint ? constraints : required).add(d);
  }

  private void include(LockfileInput from, String target, SourceLocation at, boolean constraint, int depth) {
    if (target.isEmpty()) {
      return;
    }
    if (target.contains("://")) {
      problem("remote-include", "include of a URL '" + Pep508.shorten(target) + "' was not fetched", at);
      return;
    }
    if (depth + 1 > MAX_DEPTH) {
      problem("include-too-deep", "includes nested deeper than " + MAX_DEPTH + "; '" + Pep508.shorten(target) + "' not read", at);
      return;
    }
    Path resolved = resolve(from, target);
    if (resolved == null || !resolved.startsWith(scanRoot)) {
      problem("include-outside-project", "include '" + Pep508.shorten(target) + "' points outside the project; not read", at);
      return;
    }
    String key = resolved + (constraint ? "#c" : "#r");
    if (stack.contains(key)) {
      problem("include-cycle", "include cycle: '" + Pep508.shorten(target) + "' is already being read", at);
      return;
    }
    if (visited.contains(key)) {
      return;
    }
    if (visited.size() >= MAX_FILES) {
      problem("too-many-includes", "more than " + MAX_FILES + " included files; '" + Pep508.shorten(target) + "' not read", at);
      return;
    }
    try {
      LockfileInput included = from.readRelative(target);
      charsRead += included.text().length();
      if (charsRead > charBudget) {
        problem("include-budget", "included files add up to more than " + charBudget
            + " characters; '" + Pep508.shorten(target) + "' not read", at);
        return;
      }
      read(included, constraint, depth + 1);
    } catch (ExtractionException e) {
      problem("include-unreadable", "cannot read include '" + Pep508.shorten(target) + "': " + e.getMessage(), at);
    }
  }

  private static Path resolve(LockfileInput from, String target) {
    try {
      Path t = Path.of(target);
      if (t.isAbsolute() || target.startsWith("/") || target.startsWith("\\") || target.startsWith("~")) {
        return null;
      }
      Path parent = from.path().toAbsolutePath().normalize().getParent();
      return parent == null ? null : parent.resolve(t).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private void problem(String code, String message, SourceLocation at) {
    problems.add(new Problem(code, message, at));
  }
}
