package dev.assay.identifiers.validate;

/**
 * Canadian provincial health numbers (PHN) where the province defines a check digit: British
 * Columbia's 10-digit PHN starts with 9 and has a mod-11 check digit (weights 2, 4, 8, 5, 10, 9, 7,
 * 3 over digits 2-9); Ontario's 10-digit health number, like most other provinces' 9 or 10-digit
 * ones, carries a Luhn check digit. Stateless.
 */
public final class CanadaHealthNumbers {
  private CanadaHealthNumbers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    if ((d.length() != 10 && d.length() != 9) || Digits.allSame(d)) {
      return false;
    }
    if (d.length() == 10 && d.charAt(0) == '9') {
      return britishColumbiaCheck(d) == d.charAt(9) - '0';
    }
    return Luhn.isValid(d);
  }

  /** BC's check digit of a 10-digit PHN starting with 9; 10 or more means none exists. */
  public static int britishColumbiaCheck(CharSequence d) {
    int sum = 0;
    int[] w = {2, 4, 8, 5, 10, 9, 7, 3};
    for (int i = 0; i < 8; i++) {
      sum += ((d.charAt(i + 1) - '0') * w[i]) % 11;
    }
    return 11 - sum % 11;
  }
}
