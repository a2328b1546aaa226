package dev.assay.identifiers.validate;

/** Helpers on digit strings and on the text around a match. Stateless. */
public final class Digits {
  private Digits() {}

  /** The ASCII digits of {@code value}, in order, without separators. */
  public static String only(CharSequence value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code value} upper-cased, without the spaces, hyphens and dots that people put between the
   * groups of an identifier.
   */
  public static String withoutSeparators(CharSequence value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '-' && c != '.') {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /** Whether every char of {@code value} is the same. */
  public static boolean allSame(CharSequence value) {
    for (int i = 1; i < value.length(); i++) {
      if (value.charAt(i) != value.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the match at {@code [start, end)} stands alone as a number: not preceded or followed by
   * a digit, or by a separator that joins it to more digits (as in {@code 123-45-6789-1} or a
   * decimal {@code 1.123456789}).
   */
  public static boolean standsAlone(CharSequence text, int start, int end) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (isDigit(before)) {
        return false;
      }
      if ((before == '-' || before == '.' || before == '/')
          && start > 1
          && isDigit(text.charAt(start - 2))) {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      if (isDigit(after)) {
        return false;
      }
      if ((after == '-' || after == '/' || after == '.')
          && end + 1 < text.length()
          && isDigit(text.charAt(end + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether the match at {@code [start, end)} stands apart as one token: {@link #standsAlone} for
   * its digits, no letter or digit glued to either end, and, where it starts or ends with a digit,
   * no single space joining it to a neighbouring digit group (so that one group of a longer,
   * space-grouped number, such as a printed IBAN, is not a value of its own).
   */
  public static boolean standsApart(CharSequence text, int start, int end) {
    return standsAlone(text, start, end) && !joinedBefore(text, start) && !joinedAfter(text, end);
  }

  /**
   * Whether a letter or digit touches {@code start}, or a digit group precedes it across one space.
   */
  public static boolean joinedBefore(CharSequence text, int start) {
    if (start == 0) {
      return false;
    }
    char before = text.charAt(start - 1);
    if (Character.isLetterOrDigit(before)) {
      return true;
    }
    return before == ' '
        && start > 1
        && isDigit(text.charAt(start - 2))
        && start < text.length()
        && isDigit(text.charAt(start));
  }

  /**
   * Whether a letter or digit touches {@code end}, or a digit group follows it across one space.
   */
  public static boolean joinedAfter(CharSequence text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char after = text.charAt(end);
    if (Character.isLetterOrDigit(after)) {
      return true;
    }
    return after == ' '
        && end + 1 < text.length()
        && isDigit(text.charAt(end + 1))
        && end > 0
        && isDigit(text.charAt(end - 1));
  }
}
