package dev.assay.identifiers.validate;

/**
 * The check digit of machine readable travel documents (ICAO Doc 9303 part 3, section 4.9): each
 * char's value (digits as themselves, A=10 .. Z=35, the filler {@code <} 0) times the weights 7, 3,
 * 1 repeating, summed, mod 10. Stateless.
 */
public final class IcaoCheckDigits {
  private IcaoCheckDigits() {}

  /** The check digit of {@code value}. */
  public static int checkDigit(CharSequence value) {
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < value.length(); i++) {
      sum += valueOf(value.charAt(i)) * weights[i % 3];
    }
    return sum % 10;
  }

  private static int valueOf(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    if (c == '<') {
      return 0;
    }
    throw new IllegalArgumentException("not an MRZ char: " + c);
  }
}
