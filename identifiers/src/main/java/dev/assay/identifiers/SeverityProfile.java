package dev.assay.identifiers;

import java.util.Objects;

/**
 * The severity of a managed identifier's detections by occurrence count in one object, as in
 * Macie's severity tables: one level for exactly 1 occurrence, one for 2 to 99 and one for 100 or
 * more (Macie User Guide, "Severity scoring for Macie findings").
 *
 * @param one level for a count of exactly 1
 * @param few level for 2 to 99
 * @param many level for 100 or more
 */
public record SeverityProfile(Severity one, Severity few, Severity many) {

  /** High at any count: every credentials identifier, cards, bank accounts, most national ids. */
  public static final SeverityProfile ALWAYS_HIGH =
      new SeverityProfile(Severity.HIGH, Severity.HIGH, Severity.HIGH);

  public SeverityProfile {
    Objects.requireNonNull(one, "one");
    Objects.requireNonNull(few, "few");
    Objects.requireNonNull(many, "many");
  }

  /** The level for {@code count} occurrences; {@code count} must be at least 1. */
  public Severity levelFor(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    if (count == 1) {
      return one;
    }
    return count < 100 ? few : many;
  }
}
