package dev.bulwark.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned first column, right-aligned others, widths fitted to the content. */
final class TextTable {
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(List.of(header));
  }

  TextTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  void writeTo(Writer out) throws IOException {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        String c = r.get(i);
        String pad = " ".repeat(width[i] - c.length());
        sb.append(i == 0 ? c + pad : "  " + pad + c);
      }
      out.write(sb.toString().stripTrailing());
      out.write('\n');
    }
  }
}
