package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * Rules for card expiration dates beyond their pattern. Macie lists keyword-delimited values such
 * as {@code expY=2026} and {@code expM=02} among the formats it reports: a bare year or month
 * counts only when the token right before it (across {@code =}, {@code :}, spaces and a quote) is
 * such a field name, {@code exp y} or {@code exp m} written together or with an underscore, or
 * hyphen. Stateless.
 */
public final class CardExpirationDates {
  private CardExpirationDates() {}

  /** Whether the match at {@code [start, end)} is an expiration date in its context. */
  public static boolean accepts(CharSequence text, int start, int end) {
    if (!Digits.standsAlone(text, start, end)
        || Digits.joinedBefore(text, start)
        || Digits.joinedAfter(text, end)) {
      return false;
    }
    String value = text.subSequence(start, end).toString();
    boolean bareYear = value.length() == 4 && value.chars().allMatch(Character::isDigit);
    boolean bareMonth = value.length() <= 2 && value.chars().allMatch(Character::isDigit);
    if (!bareYear && !bareMonth) {
      return true;
    }
    String field = fieldNameBefore(text, start);
    return bareYear ? field.matches("exp[ _-]?y") : field.matches("exp[ _-]?m");
  }

  /** The field name that ends just before a value, lower case; empty when there is none. */
  private static String fieldNameBefore(CharSequence text, int start) {
    int i = start;
    if (i > 0 && (text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'')) {
      i--;
    }
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == 0 || (text.charAt(i - 1) != '=' && text.charAt(i - 1) != ':')) {
      return "";
    }
    i--;
    while (i > 0
        && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'')) {
      i--;
    }
    int end = i;
    while (i > 0
        && (Character.isLetterOrDigit(text.charAt(i - 1)) || "_-".indexOf(text.charAt(i - 1)) >= 0)
        && end - i < 12) {
      i--;
    }
    return text.subSequence(i, end).toString().toLowerCase(Locale.ROOT);
  }
}
