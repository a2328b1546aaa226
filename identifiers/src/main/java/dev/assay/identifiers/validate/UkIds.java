package dev.assay.identifiers.validate;

import java.util.Set;

/**
 * Structure and check rules of United Kingdom personal numbers. Stateless.
 *
 * <ul>
 *   <li>National Insurance number: two prefix letters, six digits, a suffix A-D. The first letter
 *       is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V; the prefixes BG, GB,
 *       KN, NK, NT, TN and ZZ are not allocated (HMRC National Insurance Manual NIM39110).
 *   <li>Unique Taxpayer Reference: 10 digits; the first is a check digit over the other nine with
 *       weights 6, 7, 8, 9, 10, 5, 4, 3, 2, the weighted sum mod 11 indexing {@code 21987654321}
 *       (HMRC, as implemented in python-stdnum {@code gb.utr}).
 *   <li>Driving licence number (DVLA): 5 chars of the surname padded with 9s, the decade digit of
 *       the year of birth, the month (plus 50 for women), the day, the year digit, 2 initials
 *       (padded with 9), an arbitrary digit (usually 9) and 2 computer check letters.
 * </ul>
 */
public final class UkIds {
  private UkIds() {}

  private static final Set<String> UNALLOCATED_PREFIXES =
      Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  /** A NINO, spaces ignored; the suffix letter is required. */
  public static boolean isValidNino(CharSequence value) {
    String v = value.toString().replace(" ", "").toUpperCase();
    if (!v.matches("[A-Z]{2}\\d{6}[A-D]")) {
      return false;
    }
    char first = v.charAt(0);
    char second = v.charAt(1);
    if ("DFIQUV".indexOf(first) >= 0 || "DFIOQUV".indexOf(second) >= 0) {
      return false;
    }
    return !UNALLOCATED_PREFIXES.contains(v.substring(0, 2)) && !v.substring(2, 8).equals("000000");
  }

  /** A UTR of 10 digits, an optional space after the fifth and an optional trailing K ignored. */
  public static boolean isValidUtr(CharSequence value) {
    String digits = Digits.only(value);
    if (digits.length() != 10 || Digits.allSame(digits)) {
      return false;
    }
    return utrCheckDigit(digits.substring(1)) == digits.charAt(0);
  }

  /** The UTR check digit of its last nine digits. */
  public static char utrCheckDigit(String nineDigits) {
    int[] weights = {6, 7, 8, 9, 10, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * weights[i];
    }
    return "21987654321".charAt(sum % 11);
  }

  /** A DVLA driving licence number of 16 chars. */
  public static boolean isValidDrivingLicence(CharSequence value) {
    String v = value.toString().toUpperCase();
    if (!v.matches("[A-Z][A-Z9]{4}\\d{6}[A-Z9]{2}\\d[A-Z]{2}")) {
      return false;
    }
    // The surname part: letters, then only 9s as padding.
    String surname = v.substring(0, 5);
    if (!surname.matches("[A-Z]+9*")) {
      return false;
    }
    if (!v.substring(11, 13).matches("[A-Z][A-Z9]")) {
      return false;
    }
    int month = Integer.parseInt(v.substring(6, 8));
    int day = Integer.parseInt(v.substring(8, 10));
    boolean monthOk = (month >= 1 && month <= 12) || (month >= 51 && month <= 62);
    return monthOk && day >= 1 && day <= 31;
  }
}
