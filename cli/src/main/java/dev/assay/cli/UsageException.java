package dev.assay.cli;

/** A usage or configuration error: printed as one line, exit 2, nothing scanned. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
