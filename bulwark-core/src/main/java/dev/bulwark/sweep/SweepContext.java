package dev.bulwark.sweep;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.analysis.ioc.Ioc;
import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.analysis.ioc.IocType;
import java.util.HashMap;
import java.util.Map;
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
  private final Map<String, Ioc> c2Hosts;
  private Optional<HomeWalk.Result> homeWalk = Optional.empty();
  private static final int MAX_TEXT = 1024 * 1024;
  private static final Pattern IPV4 = Pattern.compile(
      "(?:^|[^0-9.])((?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3})(?:$|[^0-9.]|\\.(?:$|[^0-9]))");

  SweepContext(SweepFs fs, Path home, Path root, IocFeed feed, TraceCatalog traces) {
    this.fs = fs;
    this.home = home.toAbsolutePath().normalize();
    this.root = root.toAbsolutePath().normalize();
    this.feed = feed;
    this.traces = traces;
    this.c2Hosts = c2Hosts(feed);
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

  /**
   * IOC hits (addresses, domains, URLs, hashes) in a piece of text, first one per indicator. An
   * IPv4 literal also matches when the feed only names it inside an IP:port or a URL.
   */
  List<IocHit> iocs(String text) {
    List<IocHit> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (IocHit h : feed.scan(text)) {
      if (seen.add(h.ioc().value())) {
        out.add(h);
        seen.add(hostOf(h.ioc().value()));
      }
    }
    Matcher m = IPV4.matcher(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    while (m.find()) {
      Ioc i = c2Hosts.get(m.group(1));
      if (i != null && seen.add(m.group(1))) {
        out.add(new IocHit(i, m.start(1), m.end(1)));
      }
    }
    return out;
  }

  /** IPv4 hosts named by any IPv4, IP:port or URL indicator, with the indicator that names them. */
  private static Map<String, Ioc> c2Hosts(IocFeed feed) {
    Map<String, Ioc> out = new HashMap<>();
    for (Ioc i : feed.indicators()) {
      if (i.type() == IocType.IPV4 || i.type() == IocType.IP_PORT || i.type() == IocType.URL) {
        String host = hostOf(i.value());
        if (IPV4.matcher(host).matches()) {
          out.putIfAbsent(host, new Ioc(IocType.IPV4, host, i.source()));
        }
      }
    }
    return out;
  }

  /** The host of a URL or IP:port value, or the value itself. */
  static String hostOf(String v) {
    int scheme = v.indexOf("://");
    String s = scheme >= 0 ? v.substring(scheme + 3) : v;
    int end = s.length();
    for (char c : new char[] {'/', ':', '?', '#'}) {
      int at = s.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return s.substring(0, end);
  }

  /** The one walk of the home folder, done on first use. */
  HomeWalk.Result homeWalk() {
    if (homeWalk.isEmpty()) {
      homeWalk = Optional.of(HomeWalk.run(fs, home));
    }
    return homeWalk.get();
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
