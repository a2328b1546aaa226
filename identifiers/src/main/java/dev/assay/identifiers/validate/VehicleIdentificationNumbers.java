package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * Vehicle identification numbers (ISO 3779): 17 chars of {@code 0-9} and {@code A-Z} without I, O
 * and Q. Position 9 is a check digit (0-9 or X) in North America (49 CFR 565.15) and China, not
 * elsewhere; so the rule is: a VIN whose world manufacturer identifier is North American (first
 * char 1-5) or Chinese (L) must carry a correct check digit, any other VIN is accepted on its
 * structure alone. Position 10 (model year) is never U, Z or 0. Stateless.
 */
public final class VehicleIdentificationNumbers {
  private VehicleIdentificationNumbers() {}

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  public static boolean isValid(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    if (v.length() != 17 || Digits.allSame(v)) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (transliterate(v.charAt(i)) < 0) {
        return false;
      }
    }
    char year = v.charAt(9);
    if (year == 'U' || year == 'Z' || year == '0') {
      return false;
    }
    char region = v.charAt(0);
    if ((region >= '1' && region <= '5') || region == 'L') {
      return checkChar(v) == v.charAt(8);
    }
    return true;
  }

  /** The check char (0-9 or X) of a 17-char VIN (position 9 is ignored). */
  public static char checkChar(CharSequence vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += transliterate(vin.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  /** A VIN char's value in the check-digit sum; -1 for chars a VIN never contains. */
  static int transliterate(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> -1;
    };
  }
}
