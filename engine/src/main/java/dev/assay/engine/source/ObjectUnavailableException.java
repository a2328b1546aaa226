package dev.assay.engine.source;

import java.io.IOException;

/**
 * Thrown by {@link ScanObject.Content#open()} (or while reading the stream it returned) when the
 * object cannot be read, with the status and reason Macie reports for it, such as {@code SKIPPED}
 * {@code SOURCE_OBJECT_NO_LONGER_AVAILABLE} for an object deleted between listing and reading.
 */
public final class ObjectUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final String reason;

  /**
   * @param code Macie's status code: SKIPPED or PARTIAL
   * @param reason Macie's status reason, such as PERMISSION_DENIED
   * @param message what happened, for people
   */
  public ObjectUnavailableException(String code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  public String code() {
    return code;
  }

  public String reason() {
    return reason;
  }
}
