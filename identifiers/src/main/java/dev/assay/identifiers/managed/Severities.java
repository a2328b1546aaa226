package dev.assay.identifiers.managed;

import static dev.assay.identifiers.Severity.HIGH;
import static dev.assay.identifiers.Severity.LOW;
import static dev.assay.identifiers.Severity.MEDIUM;

import dev.assay.identifiers.SeverityProfile;

/**
 * The severity profiles of Macie's severity tables for personal information (Macie User Guide,
 * "Severity scoring for sensitive data findings"), by their levels for 1, 2-99 and 100+
 * occurrences. {@link SeverityProfile#ALWAYS_HIGH} covers the rest.
 */
final class Severities {
  private Severities() {}

  /** Birth date, driver's license, full name, HTTP cookie, mailing address, phone number, UDI. */
  static final SeverityProfile LOW_MEDIUM_HIGH = new SeverityProfile(LOW, MEDIUM, HIGH);

  /** Passport number. */
  static final SeverityProfile MEDIUM_HIGH_HIGH = new SeverityProfile(MEDIUM, HIGH, HIGH);

  /** Public transportation card; the organization tax ids of Argentina, Colombia and Mexico. */
  static final SeverityProfile MEDIUM_MEDIUM_HIGH = new SeverityProfile(MEDIUM, MEDIUM, HIGH);

  /** GPS coordinates. */
  static final SeverityProfile LOW_MEDIUM_MEDIUM = new SeverityProfile(LOW, MEDIUM, MEDIUM);

  /** Vehicle identification number. */
  static final SeverityProfile LOW_LOW_MEDIUM = new SeverityProfile(LOW, LOW, MEDIUM);
}
