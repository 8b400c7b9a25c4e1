package dev.bulwark.version;

import java.util.List;
import java.util.stream.Collectors;

/** Prints intervals as "[1.2.3, 2.0.0-0)" joined by " + "; "(, )" is unbounded, "{}" is none. */
final class IntervalText {
  private IntervalText() {}

  static String format(List<Interval> intervals) {
    if (intervals.isEmpty()) {
      return "{}";
    }
    return intervals.stream().map(IntervalText::format).collect(Collectors.joining(" + "));
  }

  static String format(Interval i) {
    return (i.lowerInclusive() ? "[" : "(") + i.lower() + ", " + i.upper() + (i.upperInclusive() ? "]" : ")");
  }
}
