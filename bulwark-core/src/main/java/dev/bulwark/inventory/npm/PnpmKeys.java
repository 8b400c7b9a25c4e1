package dev.bulwark.inventory.npm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The package keys of pnpm-lock.yaml, which changed with the lockfile version:
 * 5.x "/name/1.2.3_peer@1.0.0", 6.x "/name@1.2.3(peer@1.0.0)", 9.x "name@1.2.3(peer@1.0.0)".
 */
final class PnpmKeys {
  enum Style { V5, V6, V9 }

  private PnpmKeys() {}

  static Style style(String lockfileVersion) {
    String v = lockfileVersion.strip();
    int dot = v.indexOf('.');
    int major;
    try {
      major = Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    } catch (NumberFormatException e) {
      major = 9;
    }
    return major <= 5 ? Style.V5 : major < 9 ? Style.V6 : Style.V9;
  }

  /** Name and version read from a key; empty for keys that are not registry-shaped. */
  static Optional<NpmSpecs.NameRef> parse(String key, Style style) {
    if (style == Style.V5) {
      if (!key.startsWith("/")) {
        return Optional.empty();
      }
      String[] seg = key.substring(1).split("/", -1);
      int nameParts = seg[0].startsWith("@") ? 2 : 1;
      if (seg.length != nameParts + 1 || seg[nameParts].isEmpty()) {
        return Optional.empty();
      }
      String name = nameParts == 2 ? seg[0] + "/" + seg[1] : seg[0];
      String version = seg[nameParts];
      int peer = version.indexOf('_');
      return Optional.of(new NpmSpecs.NameRef(name, peer < 0 ? version : version.substring(0, peer)));
    }
    String k = style == Style.V6 && key.startsWith("/") ? key.substring(1) : key;
    return NpmSpecs.split(withoutPeers(k)).filter(nr -> !nr.ref().isEmpty());
  }

  /** "a@1.0.0(b@2.0.0)" without the peer suffix: the key of the "packages" entry in 9.x. */
  static String withoutPeers(String key) {
    int paren = key.indexOf('(');
    return paren < 0 ? key : key.substring(0, paren);
  }

  /** Keys a dependency reference may stand for, most likely first. */
  static List<String> candidates(String name, String ref, Style style) {
    return switch (style) {
      case V5 -> List.of("/" + name + "/" + ref, ref);
      case V6 -> List.of("/" + name + "@" + ref, ref, "/" + ref);
      case V9 -> List.of(name + "@" + ref, ref);
    };
  }

  /** Resolves "../b" against the folder "packages/a"; "" is the root. Empty when it leaves it. */
  static Optional<String> resolvePath(String base, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String s : (base.equals(".") ? "" : base).split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        parts.addLast(s);
      }
    }
    for (String s : relative.split("/")) {
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else if (!s.isEmpty() && !s.equals(".")) {
        parts.addLast(s);
      }
    }
    return Optional.of(parts.isEmpty() ? "." : String.join("/", parts));
  }
}
