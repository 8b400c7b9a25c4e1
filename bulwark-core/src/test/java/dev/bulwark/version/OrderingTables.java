package dev.bulwark.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.provider.Arguments;

/** Reads an ordering table (increasing lines, " == " joining equal versions) and checks it row by row. */
final class OrderingTables {
  private OrderingTables() {}

  static List<List<String>> groups(String file) {
    return Tables.values(file).stream()
        .map(l -> Arrays.stream(l.split(" == ")).map(String::strip).map(Tables::unquote).toList())
        .toList();
  }

  /** One case per version: (version, its group index, all groups), so each case checks a row of pairs. */
  static List<Arguments> rows(String file) {
    List<List<String>> groups = groups(file);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (String v : groups.get(i)) {
        out.add(Arguments.of(v, i, groups));
      }
    }
    return out;
  }

  /** Checks that {@code v} (in group {@code index}) compares with every listed version as the table says. */
  static void assertRow(VersionScheme s, String v, int index, List<List<String>> groups) {
    SoftAssertions soft = new SoftAssertions();
    for (int j = 0; j < groups.size(); j++) {
      for (String other : groups.get(j)) {
        soft.assertThat(Integer.signum(s.compare(v, other)))
            .as("compare(%s, %s)", v, other)
            .isEqualTo(Integer.signum(Integer.compare(index, j)));
      }
    }
    soft.assertAll();
  }
}
