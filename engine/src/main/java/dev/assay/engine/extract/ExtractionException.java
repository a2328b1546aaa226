package dev.assay.engine.extract;

/**
 * An object could not be analysed, wholly or in part. Carries Macie's status code and reason (the
 * {@code ClassificationResultStatus} of the discovery result), e.g. SKIPPED with
 * UNSUPPORTED_FILE_TYPE_EXCEPTION or MALFORMED_FILE.
 */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String reason;

  public ExtractionException(String code, String reason, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.reason = reason;
  }

  public static ExtractionException skipped(String reason, String message) {
    return new ExtractionException("SKIPPED", reason, message, null);
  }

  public static ExtractionException skipped(String reason, String message, Throwable cause) {
    return new ExtractionException("SKIPPED", reason, message, cause);
  }

  /** {@code SKIPPED} or {@code PARTIAL}. */
  public String code() {
    return code;
  }

  /** Macie's reason, such as {@code MALFORMED_FILE}. */
  public String reason() {
    return reason;
  }
}
