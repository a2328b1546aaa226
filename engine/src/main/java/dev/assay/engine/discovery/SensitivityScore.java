package dev.assay.engine.discovery;

import java.util.Map;

/**
 * A bucket's sensitivity score and label, as automated sensitive data discovery reports them.
 *
 * <p>Macie documents the ranges and what they mean, not its formula: -1 is a classification error,
 * 1 to 49 is "Not sensitive" (1 for an empty bucket), 50 is "Not yet analyzed", 51 to 100 is
 * "Sensitive", and 100 is also what a manual override assigns. Within those ranges the score is
 * Macie's "intersection" of how much of the bucket was analysed and how much sensitive data was
 * found; here:
 *
 * <ul>
 *   <li>no sensitive data: {@code 49 - round(48 * analysed)}, where {@code analysed} is the share
 *       of the bucket's objects analysed, so the score falls toward 1 as more clean data is seen;
 *   <li>sensitive data: {@code 51 + round(49 * g)}, {@code g = 0.6 * prevalence + 0.25 * min(1,
 *       types / 4) + 0.15 * min(1, log10(1 + occurrences) / 3)}, where {@code prevalence} is the
 *       share of analysed objects with sensitive data and {@code types} the number of sensitive
 *       data types found.
 * </ul>
 *
 * @param score -1 to 100
 * @param label {@code Classification error}, {@code Not sensitive}, {@code Not yet analyzed} or
 *     {@code Sensitive}
 */
public record SensitivityScore(int score, String label) {
  public static final String SENSITIVE = "Sensitive";
  public static final String NOT_SENSITIVE = "Not sensitive";
  public static final String NOT_ANALYZED = "Not yet analyzed";
  public static final String ERROR = "Classification error";

  /**
   * What discovery knows of a bucket.
   *
   * @param objects objects in the bucket that discovery can analyse
   * @param analysed of those, objects analysed
   * @param failed objects whose analysis failed (unreadable, malformed)
   * @param withSensitiveData analysed objects in which sensitive data was found
   * @param occurrences occurrences by sensitive data type, suppressed types left out
   * @param overridden whether the score was set to 100 by hand
   */
  public record Profile(
      long objects,
      long analysed,
      long failed,
      long withSensitiveData,
      Map<String, Long> occurrences,
      boolean overridden) {
    public Profile {
      occurrences = Map.copyOf(occurrences);
    }
  }

  public static SensitivityScore of(Profile p) {
    if (p.overridden()) {
      return new SensitivityScore(100, SENSITIVE);
    }
    if (p.objects() == 0 && p.failed() == 0) {
      return new SensitivityScore(1, NOT_SENSITIVE); // an empty bucket
    }
    if (p.analysed() == 0) {
      return p.failed() > 0
          ? new SensitivityScore(-1, ERROR)
          : new SensitivityScore(50, NOT_ANALYZED);
    }
    long occurrences = p.occurrences().values().stream().mapToLong(Long::longValue).sum();
    if (occurrences == 0) {
      double analysed = Math.min(1.0, (double) p.analysed() / Math.max(1, p.objects()));
      return new SensitivityScore((int) Math.max(1, 49 - Math.round(48 * analysed)), NOT_SENSITIVE);
    }
    double prevalence = Math.min(1.0, (double) p.withSensitiveData() / p.analysed());
    double types =
        Math.min(1.0, p.occurrences().values().stream().filter(n -> n > 0).count() / 4.0);
    double amount = Math.min(1.0, Math.log10(1 + occurrences) / 3.0);
    double g = 0.6 * prevalence + 0.25 * types + 0.15 * amount;
    return new SensitivityScore((int) Math.min(100, 51 + Math.round(49 * g)), SENSITIVE);
  }

  /** The label of a score in Macie's ranges. */
  public static String labelOf(int score) {
    if (score < 0) {
      return ERROR;
    }
    if (score == 50) {
      return NOT_ANALYZED;
    }
    return score > 50 ? SENSITIVE : NOT_SENSITIVE;
  }
}
