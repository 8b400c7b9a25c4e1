package dev.bulwark.inventory.npm;

import dev.bulwark.model.Problem;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Collects the non-fatal problems of one file, with a cap so hostile input cannot flood it. */
final class Issues {
  static final int MAX_PROBLEMS = 200;
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private boolean capped;

  Issues(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  SourceLocation at(int line) {
    return SourceLocation.of(file, Math.max(0, line));
  }

  void add(String code, String message, int line) {
    if (problems.size() >= MAX_PROBLEMS) {
      if (!capped) {
        capped = true;
        problems.add(new Problem("too-many-problems",
            "more than " + MAX_PROBLEMS + " problems; the rest are not listed", at(line)));
      }
      return;
    }
    problems.add(new Problem(code, clean(message), at(line)));
  }

  int size() {
    return problems.size();
  }

  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(null);
    return out;
  }

  /** Makes text from untrusted input safe to show: no control characters, bounded length. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 240));
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
    }
    if (b.length() >= 200 && s.length() > 200) {
      b.append('…');
    }
    return b.toString();
  }
}
