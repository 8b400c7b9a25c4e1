package dev.bulwark.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Turns an ordering table (increasing lines, " == " for equal groups) into pairwise cases. */
final class OrderingTables {
  private OrderingTables() {}

  static List<List<String>> groups(String file) {
    return Tables.values(file).stream()
        .map(l -> Arrays.stream(l.split(" == ")).map(String::strip).map(Tables::unquote).toList())
        .toList();
  }

  /** Every pair (a, b, expected sign), including pairs within a group (sign 0). */
  static List<Arguments> pairs(String file) {
    List<List<String>> groups = groups(file);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (int j = 0; j < groups.size(); j++) {
        for (String a : groups.get(i)) {
          for (String b : groups.get(j)) {
            out.add(Arguments.of(a, b, Integer.signum(Integer.compare(i, j))));
          }
        }
      }
    }
    return out;
  }
}
