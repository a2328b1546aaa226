package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * US Medicare numbers. The Medicare Beneficiary Identifier (CMS, "MBI format"): 11 chars, position
 * 1 a digit 1-9, 2, 5, 8 and 9 letters, 4, 7, 10 and 11 digits, 3 and 6 a letter or a digit; the
 * letters S, L, O, I, B and Z are never used. The Health Insurance Claim Number: a 9-digit SSN (SSA
 * ranges) followed by a beneficiary identification code of a letter and an optional digit, or the
 * Railroad Retirement Board's 1-3 letter prefix with 6 or 9 digits. Stateless.
 */
public final class MedicareNumbers {
  private MedicareNumbers() {}

  private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";

  public static boolean isValidMbi(CharSequence value) {
    String v = value.toString().replace("-", "").toUpperCase(Locale.ROOT);
    if (v.length() != 11 || v.charAt(0) < '1' || v.charAt(0) > '9') {
      return false;
    }
    for (int i : new int[] {1, 4, 7, 8}) {
      if (MBI_LETTERS.indexOf(v.charAt(i)) < 0) {
        return false;
      }
    }
    for (int i : new int[] {3, 6, 9, 10}) {
      if (!Character.isDigit(v.charAt(i))) {
        return false;
      }
    }
    for (int i : new int[] {2, 5}) {
      if (MBI_LETTERS.indexOf(v.charAt(i)) < 0 && !Character.isDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public static boolean isValidHicn(CharSequence value) {
    String v = value.toString().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    int letters = 0;
    while (letters < v.length() && Character.isLetter(v.charAt(letters))) {
      letters++;
    }
    if (letters > 0) {
      // Railroad Retirement Board: a prefix such as A, MA, WA, CA, WD, JA then 6 or 9 digits.
      String digits = v.substring(letters);
      return letters <= 3
          && (WeightedSum.isDigits(digits, 6) || WeightedSum.isDigits(digits, 9))
          && !Digits.allSame(digits);
    }
    if (v.length() < 10 || v.length() > 11 || !UsSocialSecurityNumbers.isValid(v.substring(0, 9))) {
      return false;
    }
    String bic = v.substring(9);
    return Character.isLetter(bic.charAt(0))
        && (bic.length() == 1
            || Character.isDigit(bic.charAt(1))
            || Character.isLetter(bic.charAt(1)));
  }
}
