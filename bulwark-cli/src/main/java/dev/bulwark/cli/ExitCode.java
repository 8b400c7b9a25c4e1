package dev.bulwark.cli;

/** Exit codes, documented in docs/cli.md. The only place they are defined. */
enum ExitCode {
  /** Nothing at or above the failure threshold. */
  OK(0),
  /** Findings at or above the failure threshold. */
  FINDINGS(1),
  /** The command line was wrong, or a config file was invalid. */
  USAGE(2),
  /** The run could not finish; partial results were printed. */
  INCOMPLETE(3),
  /** sweep only: confirmed evidence of compromise (suspicious evidence alone gives FINDINGS). */
  COMPROMISED(4);

  final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
