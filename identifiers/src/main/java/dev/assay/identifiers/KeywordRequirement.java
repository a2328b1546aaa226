package dev.assay.identifiers;

/** Whether an identifier's occurrences need one of its keywords nearby. */
public enum KeywordRequirement {
  /** An occurrence counts only with a keyword in proximity. */
  REQUIRED,
  /**
   * An occurrence counts with a keyword in proximity, or without one when the value carries its own
   * evidence, as {@link DetectionCriteria#qualifier()} decides (Macie: a phone number without a
   * keyword must carry its country code).
   */
  REQUIRED_UNLESS_QUALIFIED,
  /** Keywords, if any, play no part. */
  NOT_REQUIRED,
  /**
   * An occurrence counts only when <em>no</em> keyword is in proximity: Macie's {@code
   * CREDIT_CARD_NUMBER_(NO_KEYWORD)} reports exactly the card numbers that {@code
   * CREDIT_CARD_NUMBER} does not, so one occurrence is never reported twice.
   */
  ABSENT
}
