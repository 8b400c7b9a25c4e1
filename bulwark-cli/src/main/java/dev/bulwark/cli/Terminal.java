package dev.bulwark.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal (so colour and progress make sense). */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // JDK 22+ returns a Console even for pipes; isTerminal() tells the truth there.
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17-21: a non-null console means both streams are a terminal
    }
  }
}
