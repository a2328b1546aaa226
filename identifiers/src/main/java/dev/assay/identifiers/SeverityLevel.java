package dev.assay.identifiers;

import java.util.Objects;

/**
 * One entry of a custom data identifier's {@code severityLevels}: the severity that applies from
 * {@code occurrencesThreshold} occurrences on (Macie's {@code SeverityLevel} shape).
 */
public record SeverityLevel(long occurrencesThreshold, Severity severity) {
  public SeverityLevel {
    Objects.requireNonNull(severity, "severity");
  }
}
