package dev.assay.engine.macie;

/**
 * Macie refused a request, could not be reached, or ended the job other than COMPLETE. The message
 * says which, and what to do about it.
 */
public final class MacieException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean jobRan;

  MacieException(String message, boolean jobRan) {
    super(message);
    this.jobRan = jobRan;
  }

  /** Whether a job was created and started before this failure (false: nothing was scanned). */
  public boolean jobRan() {
    return jobRan;
  }
}
