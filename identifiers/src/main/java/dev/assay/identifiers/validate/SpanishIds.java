package dev.assay.identifiers.validate;

/**
 * Check rules of Spain's personal and tax numbers. Stateless.
 *
 * <ul>
 *   <li>DNI (and the NIF of a Spanish citizen): 8 digits and a control letter, the number mod 23
 *       indexing {@code TRWAGMYFPDXBNJZSQVHLCKE} (Real Decreto 1553/2005, Ministerio del Interior).
 *   <li>NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the same control letter (Orden
 *       INT/2058/2008).
 *   <li>NIF of the K, L and M series (Spaniards without a DNI): the letter, 7 digits and the same
 *       control letter computed on the 7 digits (Real Decreto 1065/2007, art. 20).
 *   <li>CIF (NIF of a legal entity): an entity-type letter, 7 digits and a control char: the sum of
 *       the digits in even positions plus the digit sums of twice each digit in odd positions; the
 *       control digit is {@code (10 - sum mod 10) mod 10}, the control letter {@code JABCDEFGHI} at
 *       that index. Entity types P, Q, R, S, N and W always take the letter; A, B, E and H always
 *       the digit; the rest either (Orden EHA/451/2008).
 *   <li>Social security number (NAF/NUSS): 2-digit province, 8-digit number, 2 control digits =
 *       (province and number read as one integer) mod 97, where a number below 10,000,000 is read
 *       without its leading zero (Tesorería General de la Seguridad Social).
 * </ul>
 *
 * Values with every digit zero are never reported (Macie User Guide, documented exclusions).
 */
public final class SpanishIds {
  private SpanishIds() {}

  static final String CONTROL_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final String CIF_TYPES = "ABCDEFGHJNPQRSUVW";
  private static final String CIF_LETTERS = "JABCDEFGHI";

  /** The control letter of a DNI or NIE number. */
  public static char controlLetter(long number) {
    return CONTROL_LETTERS.charAt((int) (number % 23));
  }

  /** A DNI: 8 digits and the control letter; an optional hyphen or space before the letter. */
  public static boolean isValidDni(CharSequence value) {
    String v = Digits.withoutSeparators(value);
    if (!v.matches("\\d{8}[A-Z]")) {
      return false;
    }
    long number = Long.parseLong(v.substring(0, 8));
    return number != 0 && number != 99_999_999L && controlLetter(number) == v.charAt(8);
  }

  /** A NIE: X, Y or Z, 7 digits and the control letter. */
  public static boolean isValidNie(CharSequence value) {
    String v = Digits.withoutSeparators(value);
    if (!v.matches("[XYZ]\\d{7}[A-Z]")) {
      return false;
    }
    long number = (v.charAt(0) - 'X') * 10_000_000L + Long.parseLong(v.substring(1, 8));
    return Long.parseLong(v.substring(1, 8)) != 0 && controlLetter(number) == v.charAt(8);
  }

  /** A personal NIF: a DNI, or K, L or M with 7 digits and the control letter. */
  public static boolean isValidPersonalNif(CharSequence value) {
    String v = Digits.withoutSeparators(value);
    if (v.matches("[KLM]\\d{7}[A-Z]")) {
      long number = Long.parseLong(v.substring(1, 8));
      return number != 0 && controlLetter(number) == v.charAt(8);
    }
    return isValidDni(v);
  }

  /** A CIF: entity-type letter, 7 digits, control digit or letter. */
  public static boolean isValidCif(CharSequence value) {
    String v = Digits.withoutSeparators(value);
    if (v.length() != 9
        || CIF_TYPES.indexOf(v.charAt(0)) < 0
        || !v.substring(1, 8).matches("\\d{7}")) {
      return false;
    }
    if (v.substring(1, 8).equals("0000000")) {
      return false;
    }
    int control = cifControlDigit(v.substring(1, 8));
    char type = v.charAt(0);
    char last = v.charAt(8);
    boolean digitOk = last == (char) ('0' + control);
    boolean letterOk = last == CIF_LETTERS.charAt(control);
    if ("PQRSNW".indexOf(type) >= 0) {
      return letterOk;
    }
    if ("ABEH".indexOf(type) >= 0) {
      return digitOk;
    }
    return digitOk || letterOk;
  }

  /** The CIF control digit of its 7 digits. */
  public static int cifControlDigit(String sevenDigits) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      int d = sevenDigits.charAt(i) - '0';
      if (i % 2 == 0) { // positions 1, 3, 5, 7 (1-based) are doubled
        int doubled = d * 2;
        sum += doubled / 10 + doubled % 10;
      } else {
        sum += d;
      }
    }
    return (10 - sum % 10) % 10;
  }

  /** The CIF control letter for a control digit. */
  public static char cifControlLetter(int controlDigit) {
    return CIF_LETTERS.charAt(controlDigit);
  }

  /** A social security number: 12 digits, optionally as 2-8-2 with one separator style. */
  public static boolean isValidSocialSecurityNumber(CharSequence value) {
    String digits = Digits.only(value);
    if (digits.length() != 12 || Digits.allSame(digits)) {
      return false;
    }
    int province = Integer.parseInt(digits.substring(0, 2));
    long number = Long.parseLong(digits.substring(2, 10));
    return province >= 1
        && province <= 66
        && number != 0
        && socialSecurityControl(province, number) == Integer.parseInt(digits.substring(10));
  }

  /** The two control digits of a social security number. */
  public static int socialSecurityControl(int province, long number) {
    long joined =
        number < 10_000_000L ? province * 10_000_000L + number : province * 100_000_000L + number;
    return (int) (joined % 97);
  }
}
