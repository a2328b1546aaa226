package dev.assay.identifiers.validate;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Finland's and Sweden's personal identity numbers, which their driving licences carry. Stateless.
 *
 * <ul>
 *   <li>Finland, henkilötunnus (HETU): {@code DDMMYY}, a century sign ({@code +} 1800s; {@code -}
 *       or Y, X, W, V, U 1900s; A or B, C, D, E, F 2000s, the extra signs since 2023), a 3-digit
 *       individual number (002-899) and a control char: the 9 digits read as one number mod 31
 *       indexing {@code 0123456789ABCDEFHJKLMNPRSTUVWXY} (Digital and Population Data Services
 *       Agency; Valtioneuvoston asetus 128/2010).
 *   <li>Sweden, personnummer: {@code YYMMDD}, a {@code -} (or {@code +} from age 100), 3 digits and
 *       a Luhn check digit over the 10 digits; samordningsnummer add 60 to the day (Skatteverket,
 *       SKV 704). The 12-digit form {@code YYYYMMDDNNNC} is also accepted.
 * </ul>
 */
public final class NordicPersonalNumbers {
  private NordicPersonalNumbers() {}

  static final String HETU_CONTROL = "0123456789ABCDEFHJKLMNPRSTUVWXY";

  /** A Finnish HETU of 11 chars. */
  public static boolean isValidHetu(CharSequence value) {
    String v = value.toString().toUpperCase();
    if (!v.matches("\\d{6}[-+ABCDEFYXWVU]\\d{3}[0-9A-Y]")) {
      return false;
    }
    int century =
        switch (v.charAt(6)) {
          case '+' -> 1800;
          case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
          default -> 2000;
        };
    if (!isDate(
        century + Integer.parseInt(v.substring(4, 6)),
        Integer.parseInt(v.substring(2, 4)),
        Integer.parseInt(v.substring(0, 2)))) {
      return false;
    }
    int individual = Integer.parseInt(v.substring(7, 10));
    if (individual < 2 || individual > 899) {
      return false;
    }
    return hetuControl(v.substring(0, 6) + v.substring(7, 10)) == v.charAt(10);
  }

  /** The HETU control char of its 9 digits (birth date and individual number). */
  public static char hetuControl(String nineDigits) {
    return HETU_CONTROL.charAt((int) (Long.parseLong(nineDigits) % 31));
  }

  /** A Swedish personnummer or samordningsnummer, 10 digits with its separator or 12 digits. */
  public static boolean isValidPersonnummer(CharSequence value) {
    String v = value.toString();
    String ten;
    if (v.matches("\\d{6}[-+]\\d{4}")) {
      ten = v.substring(0, 6) + v.substring(7);
    } else if (v.matches("(?:19|20)\\d{10}") || v.matches("(?:19|20)\\d{6}-\\d{4}")) {
      ten = Digits.only(v).substring(2);
    } else {
      return false;
    }
    int month = Integer.parseInt(ten.substring(2, 4));
    int day = Integer.parseInt(ten.substring(4, 6));
    if (day > 60) {
      day -= 60;
    }
    // The century is not in the 10-digit form; a leap day must exist in 1900s or 2000s.
    if (!isDate(2000 + Integer.parseInt(ten.substring(0, 2)), month, day)
        && !isDate(1900 + Integer.parseInt(ten.substring(0, 2)), month, day)) {
      return false;
    }
    return Luhn.isValid(ten);
  }

  private static boolean isDate(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
