package dev.bulwark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command gets from the outside world: streams, environment, clock, working directory and
 * whether stdout is a terminal. Tests pass their own.
 */
record Env(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> vars,
    Clock clock,
    Path cwd,
    boolean tty) {

  Path home() {
    String h = vars.getOrDefault("HOME", System.getProperty("user.home", "."));
    return Path.of(h);
  }
}
