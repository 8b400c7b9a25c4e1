package dev.bulwark.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * File traces of known malware: paths under the home folder and file-name patterns. Built-in data
 * is {@code dev/bulwark/sweep/traces.csv}; users add lines of the same {@code kind,pattern,family,
 * source} form. Lines of other kinds belong to the IOC feed and are left to it.
 */
final class TraceCatalog {
  static final String BUILTIN = "/dev/bulwark/sweep/traces.csv";
  static final Set<String> KINDS = Set.of("home-path", "file-name", "suspect-name");
  private static final int MAX_LINE = 4096;
  private static final int MAX_TRACES = 100_000;
  private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** One trace. {@code pattern} is relative to home for home-path, a file-name glob otherwise. */
  record Trace(String kind, String pattern, String family, String source) {}

  /** Where a trace line was read from, so the IOC feed's complaint about it can be dropped. */
  record Consumed(String file, int line) {}

  private final List<Trace> traces;
  private final List<Consumed> consumed;
  private final List<String> problems;

  private TraceCatalog(List<Trace> traces, List<Consumed> consumed, List<String> problems) {
    this.traces = List.copyOf(traces);
    this.consumed = List.copyOf(consumed);
    this.problems = List.copyOf(problems);
  }

  /** The built-in traces plus those in {@code files} (tool input, read outside the sweep). */
  static TraceCatalog load(List<Path> files) {
    List<Trace> t = new ArrayList<>();
    List<Consumed> c = new ArrayList<>();
    List<String> p = new ArrayList<>();
    try (InputStream in = TraceCatalog.class.getResourceAsStream(BUILTIN)) {
      if (in == null) {
        p.add(BUILTIN + ": the built-in trace list is missing");
      } else {
        parse(reader(in), BUILTIN, t, c, p);
      }
    } catch (IOException e) {
      p.add(BUILTIN + ": " + e.getMessage());
    }
    for (Path f : files) {
      try {
        if (Files.isRegularFile(f) && Files.size(f) <= MAX_FILE_BYTES) {
          try (InputStream in = Files.newInputStream(f)) {
            parse(reader(in), f.toString(), t, c, p);
          }
        }
      } catch (IOException e) {
        p.add(f + ": cannot read: " + e.getMessage());
      }
    }
    return new TraceCatalog(t, c, p);
  }

  static TraceCatalog of(List<Trace> traces) {
    return new TraceCatalog(traces, List.of(), List.of());
  }

  List<Trace> traces() {
    return traces;
  }

  List<Trace> ofKind(String kind) {
    return traces.stream().filter(t -> t.kind().equals(kind)).toList();
  }

  List<Consumed> consumed() {
    return consumed;
  }

  List<String> problems() {
    return problems;
  }

  static void parse(BufferedReader in, String file, List<Trace> out, List<Consumed> consumed,
      List<String> problems) throws IOException {
    String line;
    int n = 0;
    while ((line = in.readLine()) != null && out.size() < MAX_TRACES) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || s.length() > MAX_LINE) {
        continue;
      }
      String[] parts = s.split(",", 4);
      String kind = parts[0].strip().toLowerCase(Locale.ROOT);
      if (!KINDS.contains(kind)) {
        continue;
      }
      consumed.add(new Consumed(file, n));
      String pattern = parts.length > 1 ? parts[1].strip() : "";
      if (pattern.isEmpty() || pattern.startsWith("/") || pattern.contains("..")) {
        problems.add(file + ":" + n + ": a " + kind + " needs a relative pattern without '..'");
        continue;
      }
      out.add(new Trace(kind, pattern,
          parts.length > 2 ? parts[2].strip() : "", parts.length > 3 ? parts[3].strip() : file));
    }
  }

  /**
   * True when {@code name} matches {@code glob}, where '*' matches any run of characters and the
   * comparison ignores case. Hand-written: a glob of literal parts and stars needs no regex engine.
   */
  static boolean globMatches(String glob, String name) {
    String g = glob.toLowerCase(Locale.ROOT);
    String s = name.toLowerCase(Locale.ROOT);
    String[] parts = g.split("\\*", -1);
    if (parts.length == 1) {
      return g.equals(s);
    }
    if (!s.startsWith(parts[0])) {
      return false;
    }
    int pos = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int at = s.indexOf(parts[i], pos);
      if (at < 0) {
        return false;
      }
      pos = at + parts[i].length();
    }
    String last = parts[parts.length - 1];
    return s.length() - last.length() >= pos && s.endsWith(last);
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
