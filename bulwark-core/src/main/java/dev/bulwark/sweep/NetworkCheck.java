package dev.bulwark.sweep;

import dev.bulwark.analysis.ioc.IocHit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Linux network state read from {@code <root>/proc}: TCP connections to IOC addresses or to the
 * ports these families use, mapped to processes through {@code /proc/PID/fd} links (read, never
 * followed), and processes whose executable ({@code /proc/PID/exe}) or working directory is in an
 * odd place (see {@link ProcessJudge}), with when they started.
 */
final class NetworkCheck {
  static final Set<Integer> C2_PORTS = Set.of(1224, 1244, 1245, 4661, 4666);
  private static final int MAX_PROC_BYTES = 4 * 1024 * 1024;
  private static final int MAX_CMDLINE = 16 * 1024;
  private static final int MAX_FDS = 4096;
  private static final int MAX_STAT = 64 * 1024;

  private final SweepContext ctx;

  NetworkCheck(SweepContext ctx) {
    this.ctx = ctx;
  }

  /** One parsed line of /proc/net/tcp or tcp6. */
  record Conn(String remoteIp, int remotePort, String state, long inode) {}

  void run() {
    Path proc = ctx.underRoot("/proc");
    if (!ctx.fs.isDirectory(proc)) {
      return;
    }
    Map<Long, String> owners = socketOwners(proc);
    for (String table : List.of("tcp", "tcp6")) {
      Path file = proc.resolve("net").resolve(table);
      Optional<String> text = ctx.fs.readText(file, MAX_PROC_BYTES);
      if (text.isEmpty()) {
        continue;
      }
      for (Conn c : ProcNet.parse(text.get())) {
        judge(file, c, owners.getOrDefault(c.inode(), ""));
      }
    }
  }

  private void judge(Path file, Conn c, String owner) {
    if (c.remotePort() == 0 || c.state().equals("0A")) {
      return;
    }
    String endpoint = c.remoteIp() + ":" + c.remotePort();
    String who = owner.isEmpty() ? "" : " by " + owner;
    // The most specific indicator only (an IP:port over the bare IP), one line per connection.
    List<IocHit> hits = ctx.iocs(endpoint).stream()
        .max(java.util.Comparator.comparingInt(IocHit::end)).stream().toList();
    for (IocHit h : hits) {
      ctx.indicator(new Indicator(Indicator.Area.NETWORK, true, "c2-connection", file.toString(),
          "connection to " + endpoint + " (" + h.ioc().type().fileName() + " " + h.ioc().value()
              + ")" + who, "", h.ioc().source(), Optional.empty()));
    }
    if (hits.isEmpty() && C2_PORTS.contains(c.remotePort())) {
      // A port is a heuristic (other software uses these ports too): suspicious, not confirmed.
      ctx.indicator(new Indicator(Indicator.Area.NETWORK, false, "c2-port", file.toString(),
          "connection to " + endpoint + " on a port BeaverTail / InvisibleFerret C2 servers use"
              + who, "BeaverTail / InvisibleFerret", "", Optional.empty()));
    }
  }

  /** "; started 2026-11-20T09:30:00Z, running 6 d 2 h", or "" when /proc does not say. */
  private String started(Path pidDir, Optional<Instant> boot) {
    if (boot.isEmpty()) {
      return "";
    }
    OptionalLong ticks = ctx.fs.readText(pidDir.resolve("stat"), MAX_STAT)
        .map(ProcStat::startTicks).orElse(OptionalLong.empty());
    if (ticks.isEmpty()) {
      return "";
    }
    Instant start = ProcStat.start(boot.get(), ticks.getAsLong());
    return "; started " + start + ", running "
        + ProcStat.describe(Duration.between(start, ctx.fs.now()));
  }

  /** Socket inode to "pid N (command line)", and odd node/python processes on the way. */
  private Map<Long, String> socketOwners(Path proc) {
    Map<Long, String> out = new HashMap<>();
    Optional<Instant> boot = ctx.fs.readText(proc.resolve("stat"), MAX_STAT)
        .flatMap(ProcStat::bootTime);
    for (Path pidDir : ctx.fs.list(proc)) {
      String pid = Walker.name(pidDir);
      if (pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) {
        continue;
      }
      String cmd = ctx.fs.readBytes(pidDir.resolve("cmdline"), MAX_CMDLINE)
          .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').strip())
          .orElse("");
      String label = "pid " + pid + (cmd.isEmpty() ? "" : " (" + PersistenceCheck.show(cmd) + ")");
      ProcessJudge.judge(ctx.fs.readLink(pidDir.resolve("exe")), ctx.fs.readLink(pidDir.resolve("cwd")))
          .ifPresent(j -> ctx.indicator(new Indicator(Indicator.Area.NETWORK, j.confirmed(),
              "odd-process", pidDir.toString(), label + ": " + j.why() + started(pidDir, boot), "",
              "", Optional.empty())));
      int n = 0;
      for (Path fd : ctx.fs.list(pidDir.resolve("fd"))) {
        if (++n > MAX_FDS) {
          break;
        }
        Optional<String> target = ctx.fs.readLink(fd);
        if (target.isPresent() && target.get().startsWith("socket:[")
            && target.get().endsWith("]")) {
          try {
            out.putIfAbsent(Long.parseLong(target.get().substring(8, target.get().length() - 1)),
                label);
          } catch (NumberFormatException e) {
            // not a socket link after all
          }
        }
      }
    }
    return out;
  }
}
