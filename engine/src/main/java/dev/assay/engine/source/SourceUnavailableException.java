package dev.assay.engine.source;

import java.io.IOException;

/**
 * A source as a whole cannot be read: a missing bucket, access denied, invalid or expired
 * credentials, an endpoint that does not answer. Raised before anything is scanned, so that the
 * command can stop with a usage error rather than report a bucket as empty. The message names the
 * source and says what to check.
 */
public final class SourceUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
