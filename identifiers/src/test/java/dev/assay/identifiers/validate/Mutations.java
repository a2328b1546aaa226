package dev.assay.identifiers.validate;

/** Single-character changes to generated values, for the validators' property tests. */
final class Mutations {
  private Mutations() {}

  /**
   * {@code value} with its {@code n}-th digit (counting digits only, modulo their number) raised by
   * {@code delta} (1 to 9) mod 10: always a different digit.
   */
  static String changeDigit(String value, int n, int delta) {
    int digits = (int) value.chars().filter(Character::isDigit).count();
    int target = Math.floorMod(n, digits);
    StringBuilder sb = new StringBuilder(value);
    for (int i = 0, seen = 0; i < sb.length(); i++) {
      if (Character.isDigit(sb.charAt(i)) && seen++ == target) {
        sb.setCharAt(i, (char) ('0' + (sb.charAt(i) - '0' + delta) % 10));
        break;
      }
    }
    return sb.toString();
  }

  /** {@code length} digits of {@code seed}, zero-padded on the left. */
  static String digits(long seed, int length) {
    String s = Long.toString(Math.abs(seed));
    if (s.length() > length) {
      s = s.substring(s.length() - length);
    }
    return "0".repeat(length - s.length()) + s;
  }
}
