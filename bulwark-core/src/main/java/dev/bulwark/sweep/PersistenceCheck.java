package dev.bulwark.sweep;

import com.google.re2j.Pattern;
import dev.bulwark.analysis.ioc.IocHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places that start programs by themselves: shell start-up files, cron tables, systemd user
 * units, LaunchAgents, XDG autostart entries and the Windows Startup folder. Reports entries that
 * run node or python from odd places and entries that name IOC hosts or addresses.
 */
final class PersistenceCheck {
  static final int MAX_BYTES = 512 * 1024;
  static final int MAX_HIVE_BYTES = 64 * 1024 * 1024;
  private static final int MAX_SHOWN = 160;
  private static final List<String> RC_FILES = List.of(".bashrc", ".zshrc", ".profile",
      ".bash_profile", ".bash_login", ".zprofile", ".zshenv", ".zlogin", ".config/fish/config.fish");
  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Pattern TAGS = Pattern.compile("<[^>]{0,200}>");
  private static final Pattern SECRET_ASSIGN = Pattern.compile(
      "(?i)([A-Za-z0-9_]*(?:token|secret|passw|pwd|key|auth)[A-Za-z0-9_]*\\s*[=:]\\s*)[^\\s;&|]+");

  private final SweepContext ctx;

  PersistenceCheck(SweepContext ctx) {
    this.ctx = ctx;
  }

  void run() {
    for (String rc : RC_FILES) {
      byLine(ctx.home.resolve(rc), "shell start-up file");
    }
    for (String dir : List.of("/var/spool/cron/crontabs", "/var/spool/cron", "/etc/cron.d",
        "/usr/lib/cron/tabs", "/var/at/tabs")) {
      for (Path f : files(ctx.underRoot(dir), "")) {
        byLine(f, "cron table");
      }
    }
    byLine(ctx.underRoot("/etc/crontab"), "cron table");
    for (Path f : files(ctx.home.resolve(".config/systemd/user"), ".service")) {
      byLine(f, "systemd user unit");
    }
    for (Path f : files(ctx.underRoot("/etc/systemd/system"), ".service")) {
      byLine(f, "systemd unit");
    }
    for (Path f : files(ctx.home.resolve(".config/autostart"), ".desktop")) {
      byLine(f, "autostart entry");
    }
    for (Path f : files(ctx.underRoot("/etc/xdg/autostart"), ".desktop")) {
      byLine(f, "autostart entry");
    }
    for (String dir : List.of("Library/LaunchAgents")) {
      for (Path f : files(ctx.home.resolve(dir), ".plist")) {
        whole(f, "LaunchAgent");
      }
    }
    for (String dir : List.of("/Library/LaunchAgents", "/Library/LaunchDaemons")) {
      for (Path f : files(ctx.underRoot(dir), ".plist")) {
        whole(f, "launchd job");
      }
    }
    hive(ctx.home.resolve("NTUSER.DAT"));
    Path startup = ctx.home.resolve(
        "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup");
    for (Path f : files(startup, "")) {
      whole(f, "Windows Startup folder entry");
    }
  }

  private List<Path> files(Path dir, String suffix) {
    List<Path> out = new ArrayList<>();
    for (Path p : ctx.fs.list(dir)) {
      if (Walker.name(p).endsWith(suffix) && ctx.fs.isFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private void byLine(Path file, String what) {
    Optional<String> text = ctx.fs.readText(file, MAX_BYTES);
    if (text.isEmpty()) {
      return;
    }
    String[] lines = text.get().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        judge(file, what + ", line " + (i + 1), line);
      }
    }
  }

  /** Files whose command is spread over several lines (plist) or binary (.lnk): judge as one. */
  private void whole(Path file, String what) {
    Optional<String> text = ctx.fs.readText(file, MAX_BYTES);
    if (text.isEmpty()) {
      return;
    }
    String flat = TAGS.matcher(text.get().replace("\0", "")).replaceAll(" ")
        .strip();
    flat = WS.matcher(flat).replaceAll(" ");
    judge(file, what, flat);
  }

  /** Run-key command lines in a mounted Windows profile's registry hive (both byte alignments). */
  private void hive(Path file) {
    Optional<byte[]> bytes = ctx.fs.readBytes(file, MAX_HIVE_BYTES);
    if (bytes.isEmpty()) {
      return;
    }
    java.util.TreeSet<String> strings = new java.util.TreeSet<>(RegistryHive.commandStrings(bytes.get()));
    byte[] shifted = java.util.Arrays.copyOfRange(bytes.get(), 1, bytes.get().length);
    strings.addAll(RegistryHive.commandStrings(shifted));
    for (String s : strings) {
      judge(file, "registry hive string", s);
    }
  }

  private void judge(Path file, String where, String command) {
    // A start-up entry that runs something from a known malware location runs a known payload
    // (confirmed); one that merely runs node or python from a temp or hidden folder is suspicious.
    Optional<String> bad = CommandJudge.knownBadLocation(command);
    Optional<String> odd = bad.isPresent()
        ? CommandJudge.odd(command).filter(w -> w.contains("known malware location"))
            .or(() -> Optional.of("names " + bad.get() + " (a known malware location)"))
        : CommandJudge.odd(command);
    String shown = show(command);
    if (odd.isPresent()) {
      ctx.indicator(Indicator.Area.PERSISTENCE, bad.isPresent(), "odd-autostart", file,
          where + ": " + odd.get() + ": " + shown, "", "");
    }
    for (IocHit h : ctx.iocs(command)) {
      ctx.indicator(Indicator.Area.PERSISTENCE, true, "ioc-autostart", file,
          where + ": names " + h.ioc().type().fileName() + " " + h.ioc().value() + ": " + shown,
          "", h.ioc().source());
    }
  }

  /** The command as shown in the report: shortened, with secret-looking assignments masked. */
  static String show(String command) {
    String masked = SECRET_ASSIGN.matcher(command).replaceAll("$1***");
    return masked.length() > MAX_SHOWN ? masked.substring(0, MAX_SHOWN) + "…" : masked;
  }
}
