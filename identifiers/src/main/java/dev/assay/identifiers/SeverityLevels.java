package dev.assay.identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A custom data identifier's severity thresholds (Macie User Guide, "Configuration options for
 * custom data identifiers"). Without levels, any count of one or more is Medium. With levels, a
 * level applies from its threshold up to the next higher level's threshold, and a count below the
 * lowest threshold produces no finding at all.
 *
 * <p>Immutable and thread-safe.
 */
public final class SeverityLevels {
  private static final SeverityLevels DEFAULT = new SeverityLevels(List.of());

  private final List<SeverityLevel> levels;

  private SeverityLevels(List<SeverityLevel> levels) {
    this.levels = levels;
  }

  /** No levels: Medium for any count of one or more. */
  public static SeverityLevels defaultLevels() {
    return DEFAULT;
  }

  /**
   * Validates and orders {@code levels} as Macie does: at most three, at most one per severity, and
   * thresholds strictly ascending with the severity (LOW below MEDIUM below HIGH).
   *
   * @throws DefinitionException with field {@code severityLevels} when a rule is broken
   */
  public static SeverityLevels of(List<SeverityLevel> levels) {
    if (levels == null || levels.isEmpty()) {
      return DEFAULT;
    }
    if (levels.size() > 3) {
      throw new DefinitionException(
          "severityLevels", "has " + levels.size() + " entries; at most 3 are allowed");
    }
    Set<Severity> seen = EnumSet.noneOf(Severity.class);
    for (SeverityLevel level : levels) {
      if (!seen.add(level.severity())) {
        throw new DefinitionException(
            "severityLevels", "names severity " + level.severity() + " more than once");
      }
      if (level.occurrencesThreshold() < 1) {
        throw new DefinitionException(
            "severityLevels",
            "occurrencesThreshold must be at least 1, got " + level.occurrencesThreshold());
      }
    }
    List<SeverityLevel> sorted = new ArrayList<>(levels);
    sorted.sort(Comparator.comparing(SeverityLevel::severity));
    for (int i = 1; i < sorted.size(); i++) {
      SeverityLevel lower = sorted.get(i - 1);
      SeverityLevel higher = sorted.get(i);
      if (higher.occurrencesThreshold() <= lower.occurrencesThreshold()) {
        throw new DefinitionException(
            "severityLevels",
            "the "
                + higher.severity()
                + " threshold ("
                + higher.occurrencesThreshold()
                + ") must be greater than the "
                + lower.severity()
                + " threshold ("
                + lower.occurrencesThreshold()
                + ")");
      }
    }
    return new SeverityLevels(List.copyOf(sorted));
  }

  /** The levels in ascending order; empty for the default. */
  public List<SeverityLevel> levels() {
    return levels;
  }

  /**
   * The severity for {@code count} occurrences, or empty when the count is zero or below the lowest
   * threshold (then the identifier produces no finding).
   */
  public Optional<Severity> levelFor(long count) {
    if (count < 1) {
      return Optional.empty();
    }
    if (levels.isEmpty()) {
      return Optional.of(Severity.MEDIUM);
    }
    Severity result = null;
    for (SeverityLevel level : levels) {
      if (count >= level.occurrencesThreshold()) {
        result = level.severity();
      }
    }
    return Optional.ofNullable(result);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeverityLevels other && other.levels.equals(levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }

  @Override
  public String toString() {
    return "SeverityLevels" + levels;
  }
}
