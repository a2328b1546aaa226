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
      if ((before == '-' || before == '.' || before == '/') && start > 1 && isDigit(text.charAt(start - 2))) {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      if (isDigit(after)) {
        return false;
      }
      if ((after == '-' || after == '/' || after == '.') && end + 1 < text.length() && isDigit(text.charAt(end + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
