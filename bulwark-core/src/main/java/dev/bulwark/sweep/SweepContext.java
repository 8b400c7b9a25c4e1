package dev.bulwark.sweep;

import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.analysis.ioc.IocHit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What every check needs: the guarded file system, the indicator data, and where to report. */
final class SweepContext {
  final SweepFs fs;
  final Path home;
  final Path root;
  final IocFeed feed;
  final TraceCatalog traces;
  private final List<Indicator> indicators = new ArrayList<>();
  private final List<Exposure> exposures = new ArrayList<>();
  private final TreeSet<String> notes = new TreeSet<>();

  SweepContext(SweepFs fs, Path home, Path root, IocFeed feed, TraceCatalog traces) {
    this.fs = fs;
    this.home = home.toAbsolutePath().normalize();
    this.root = root.toAbsolutePath().normalize();
    this.feed = feed;
    this.traces = traces;
  }

  /** A path under the root, from an absolute path as the swept system writes it. */
  Path underRoot(String absolute) {
    String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
    return rel.isEmpty() ? root : root.resolve(rel).normalize();
  }

  void indicator(Indicator.Area area, boolean strong, String kind, Path path, String detail,
      String family, String source) {
    indicators.add(new Indicator(area, strong, kind, path.toString(), detail, family, source,
        fs.mtime(path)));
  }

  void indicator(Indicator i) {
    indicators.add(i);
  }

  void exposure(Exposure e) {
    exposures.add(e);
  }

  void note(String n) {
    notes.add(n);
  }

  /** IOC hits (addresses, domains, URLs, hashes) in a piece of text, first one per indicator. */
  List<IocHit> iocs(String text) {
    List<IocHit> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (IocHit h : feed.scan(text)) {
      if (seen.add(h.ioc().value())) {
        out.add(h);
      }
    }
    return out;
  }

  List<Indicator> indicators() {
    return indicators;
  }

  List<Exposure> exposures() {
    return exposures;
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  Optional<Instant> mtime(Path p) {
    return fs.mtime(p);
  }
}
