package dev.assay.identifiers.validate;

/**
 * United States Social Security number rules: the SSA never issues area 000, 666 or 900-999, group
 * 00 or serial 0000, and it voided numbers it had published in advertising (078-05-1120,
 * 219-09-9999). Stateless.
 */
public final class UsSocialSecurityNumbers {
  private UsSocialSecurityNumbers() {}

  /**
   * Whether {@code value} (9 digits, optionally as 3-2-4 with one separator style) can be an SSN.
   */
  public static boolean isValid(CharSequence value) {
    String digits = Digits.only(value);
    if (digits.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(digits.substring(0, 3));
    int group = Integer.parseInt(digits.substring(3, 5));
    int serial = Integer.parseInt(digits.substring(5));
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    return !digits.equals("078051120") && !digits.equals("219099999") && !Digits.allSame(digits);
  }
}
