package dev.assay.cli;

/** The exit statuses of the command-line contract; the single source of truth for them. */
enum ExitCode {
  /** Scan complete, no finding at or above {@code --fail-on}. */
  OK(0),
  /** Scan complete, findings at or above {@code --fail-on}. */
  FINDINGS(1),
  /** Usage or configuration error; nothing scanned. */
  USAGE(2),
  /** Scan finished, but some objects could not be read or analysed. */
  INCOMPLETE(3),
  /** An internal error: a bug in Assay. */
  INTERNAL(4);

  final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
