package dev.assay.identifiers.validate;

/**
 * NHS numbers (England, Wales, Isle of Man): 10 digits, the last a mod-11 check digit with weights
 * 10..2; a remainder giving 10 is never issued and 11 gives 0. Stateless.
 */
public final class UkNhsNumbers {
  private UkNhsNumbers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() != 10 || Digits.allSame(d)) {
      return false;
    }
    int check = checkDigit(d);
    return check < 10 && check == d.charAt(9) - '0';
  }

  /** The check digit of the first 9 digits of {@code digits}; 10 means none exists. */
  public static int checkDigit(CharSequence digits) {
    int r = 11 - WeightedSum.of(digits, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    return r == 11 ? 0 : r;
  }
}
