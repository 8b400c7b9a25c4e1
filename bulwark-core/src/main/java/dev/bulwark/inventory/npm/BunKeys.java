package dev.bulwark.inventory.npm;

import java.util.ArrayList;
import java.util.List;

/** bun.lock install keys: package names joined by '/', where "@scope/name" is one name. */
final class BunKeys {
  private BunKeys() {}

  static List<String> split(String key) {
    List<String> out = new ArrayList<>();
    if (key.isEmpty()) {
      return out;
    }
    String[] seg = key.split("/", -1);
    for (int i = 0; i < seg.length; i++) {
      if (seg[i].startsWith("@") && i + 1 < seg.length) {
        out.add(seg[i] + "/" + seg[++i]);
      } else {
        out.add(seg[i]);
      }
    }
    return out;
  }
}
