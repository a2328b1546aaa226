package dev.assay.cli;

/**
 * A command ran but could not finish its work (exit 3); the message says what is missing and why.
 */
final class IncompleteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IncompleteException(String message) {
    super(message);
  }
}
