package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * US DEA registration numbers: a registrant-type letter, the registrant's last-name initial (or 9
 * for some business activities), six digits and a check digit: the last digit of (d1 + d3 + d5) + 2
 * x (d2 + d4 + d6). Stateless.
 */
public final class DeaRegistrationNumbers {
  private DeaRegistrationNumbers() {}

  /**
   * Registrant types the DEA assigns (A, B, F and G practitioners, M mid-levels, the rest
   * activities).
   */
  private static final String TYPES = "ABCDEFGHJKLMPRSTUX";

  public static boolean isValid(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    if (v.length() != 9 || TYPES.indexOf(v.charAt(0)) < 0) {
      return false;
    }
    char second = v.charAt(1);
    if (!(second >= 'A' && second <= 'Z') && second != '9') {
      return false;
    }
    String d = v.substring(2);
    if (!WeightedSum.isDigits(d, 7) || Digits.allSame(d)) {
      return false;
    }
    return checkDigit(d.substring(0, 6)) == d.charAt(6) - '0';
  }

  /** The check digit of the six digits {@code six}. */
  public static int checkDigit(CharSequence six) {
    return WeightedSum.of(six, 1, 2, 1, 2, 1, 2) % 10;
  }
}
