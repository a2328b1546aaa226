package dev.assay.identifiers.validate;

/** Single-character changes for the property tests of check-digit validators. */
final class Mutations {
  private Mutations() {}

  /**
   * {@code value} with its {@code n}-th digit (counting only digits, 0-based, wrapping) increased by
   * {@code delta} (1-9) mod 10, so that the result differs in exactly that digit.
   */
  static String changeDigit(String value, int n, int delta) {
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits++;
      }
    }
    int target = n % digits;
    StringBuilder sb = new StringBuilder(value);
    for (int i = 0, seen = 0; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (Character.isDigit(c)) {
        if (seen == target) {
          sb.setCharAt(i, (char) ('0' + (c - '0' + delta) % 10));
          return sb.toString();
        }
        seen++;
      }
    }
    throw new IllegalStateException();
  }
}
