package dev.bulwark.analysis.ioc;

import com.google.re2j.Pattern;
import dev.bulwark.model.PackageNames;
import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the feed line format {@code type,value,source}: one indicator a line, {@code #} starts a
 * comment line, blank lines and a {@code type,value,source} header are skipped. Values may be
 * defanged ({@code 1.2.3[.]4}, {@code hxxp://}); they are refanged here. A bad line becomes a
 * {@link Problem} and the rest of the file is still read.
 */
final class IocParser {
  static final int MAX_LINE = 4096;
  static final int MAX_ENTRIES = 2_000_000;

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern DOMAIN =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");
  private static final Pattern URL = Pattern.compile("(?i)(?:https?|wss?|ftp)://[^\\s,]+");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PACKAGE =
      Pattern.compile("(?i)(?:@[a-z0-9._~-]+/)?[a-z0-9._~-]+(?:@[A-Za-z0-9.+!_-]+)?");

  private IocParser() {}

  /** Parses every line of {@code in}; {@code file} names the input in problems. */
  static void parse(BufferedReader in, String file, List<Ioc> out, List<Problem> problems)
      throws IOException {
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (out.size() >= MAX_ENTRIES) {
        problems.add(problem("too-many", "more than " + MAX_ENTRIES + " indicators; the rest is ignored", file, n));
        return;
      }
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equalsIgnoreCase("type,value,source")) {
        continue;
      }
      if (t.length() > MAX_LINE) {
        problems.add(problem("too-long", "line longer than " + MAX_LINE + " characters", file, n));
        continue;
      }
      String[] parts = t.split(",", 3);
      if (parts.length < 2) {
        problems.add(problem("parse-error", "expected type,value,source", file, n));
        continue;
      }
      Optional<IocType> type = IocType.parse(parts[0]);
      if (type.isEmpty()) {
        problems.add(problem("parse-error", "unknown indicator type '" + parts[0].strip() + "'", file, n));
        continue;
      }
      String source = parts.length == 3 && !parts[2].isBlank() ? parts[2].strip() : file;
      Optional<String> value = canonical(type.get(), refang(parts[1].strip()));
      if (value.isEmpty()) {
        problems.add(problem("parse-error", "not a valid " + type.get().fileName() + ": '" + parts[1].strip() + "'", file, n));
        continue;
      }
      out.add(new Ioc(type.get(), value.get(), source));
    }
  }

  /** Undoes the usual defanging: {@code [.]}, {@code (.)}, {@code [dot]}, {@code [:]}, {@code hxxp}. */
  static String refang(String v) {
    String s = v.replace("[.]", ".").replace("(.)", ".").replace("{.}", ".").replace("[dot]", ".")
        .replace("[://]", "://").replace("[:]", ":").replace("[/]", "/");
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("hxxps")) {
      return "https" + s.substring(5);
    }
    if (lower.startsWith("hxxp")) {
      return "http" + s.substring(4);
    }
    return s;
  }

  /** The canonical form of a value of this type, or empty when it is not valid. */
  static Optional<String> canonical(IocType type, String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    return switch (type) {
      case IPV4 -> validIpv4(v) ? Optional.of(v) : Optional.empty();
      case IP_PORT -> validIpPort(v) ? Optional.of(v) : Optional.empty();
      case DOMAIN -> lower.length() <= 253 && DOMAIN.matches(lower) ? Optional.of(lower) : Optional.empty();
      case URL -> URL.matches(v) ? Optional.of(stripTrailingSlash(v)) : Optional.empty();
      case SHA256 -> SHA256.matches(lower) ? Optional.of(lower) : Optional.empty();
      case NPM -> PACKAGE.matches(v) ? Optional.of(npmName(v)) : Optional.empty();
      case PYPI -> PACKAGE.matches(v) ? Optional.of(pypiName(v)) : Optional.empty();
    };
  }

  static boolean validIpv4(String v) {
    com.google.re2j.Matcher m = IPV4.matcher(v);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean validIpPort(String v) {
    int colon = v.lastIndexOf(':');
    if (colon < 0 || colon == v.length() - 1 || v.length() - colon > 6) {
      return false;
    }
    String port = v.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int p = Integer.parseInt(port);
    return p > 0 && p <= 65535 && validIpv4(v.substring(0, colon));
  }

  private static String stripTrailingSlash(String v) {
    String s = v;
    while (s.endsWith("/") && s.length() > s.indexOf("://") + 3) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String npmName(String v) {
    int at = v.lastIndexOf('@');
    return at > 0 ? v.substring(0, at).toLowerCase(Locale.ROOT) + v.substring(at) : v.toLowerCase(Locale.ROOT);
  }

  private static String pypiName(String v) {
    int at = v.lastIndexOf('@');
    return at > 0 ? PackageNames.normalizePypi(v.substring(0, at)) + v.substring(at) : PackageNames.normalizePypi(v);
  }

  private static Problem problem(String code, String message, String file, int line) {
    return new Problem(code, message, SourceLocation.of(file, line));
  }
}
