package dev.assay.engine.extract;

import java.io.IOException;

/**
 * A limit of {@link ExtractionLimits} was reached while reading. An {@link IOException} so that it
 * passes through parsers that only declare those; {@link Extraction} looks for it in the cause
 * chain of whatever a parser throws.
 */
final class LimitExceeded extends IOException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  LimitExceeded(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Macie's reason, such as ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT. */
  String reason() {
    return reason;
  }

  /** Whether the object is not analysed at all (SKIPPED) rather than analysed in part (PARTIAL). */
  boolean skipsObject() {
    return reason.equals("FILE_EXCEEDS_SIZE_LIMIT") || reason.equals("ARCHIVE_EXCEEDS_SIZE_LIMIT");
  }

  /** The LimitExceeded that caused {@code e}, or null. */
  static LimitExceeded in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LimitExceeded l) {
        return l;
      }
    }
    return null;
  }
}
