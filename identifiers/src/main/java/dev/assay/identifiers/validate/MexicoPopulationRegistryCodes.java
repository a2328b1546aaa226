package dev.assay.identifiers.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Mexico's CURP (RENAPO): 18 characters: 4 letters from the names, the birth date YYMMDD, sex (H,
 * M, or X), a two-letter state code, 3 consonants, a differentiator (a digit for births before
 * 2000, a letter after) and a check digit: 10 minus the sum of each char's value in {@code
 * 0-9A-NÑO-Z} times its weight 18..2, mod 10. Stateless.
 */
public final class MexicoPopulationRegistryCodes {
  private MexicoPopulationRegistryCodes() {}

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
  private static final Set<String> STATES =
      Set.of(
          "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC",
          "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ",
          "YN", "ZS", "NE");

  public static boolean isValid(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    if (v.length() != 18 || !STATES.contains(v.substring(11, 13))) {
      return false;
    }
    char differentiator = v.charAt(16);
    int century = Character.isDigit(differentiator) ? 1900 : 2000;
    if (!validDate(
        century + Integer.parseInt(v.substring(4, 6)), v.substring(6, 8), v.substring(8, 10))) {
      return false;
    }
    return checkDigit(v.substring(0, 17)) == v.charAt(17) - '0';
  }

  /** The check digit of the first 17 chars; -1 if one is outside the CURP alphabet. */
  public static int checkDigit(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        return -1;
      }
      sum += value * (18 - i);
    }
    return (10 - sum % 10) % 10;
  }

  static boolean validDate(int year, String month, String day) {
    try {
      LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }
}
