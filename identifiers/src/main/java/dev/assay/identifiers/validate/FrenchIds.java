package dev.assay.identifiers.validate;

/**
 * Check rules of France's personal numbers. Stateless.
 *
 * <ul>
 *   <li>NIR (numéro d'inscription au répertoire, the INSEE or social security number): sex (1 or 2;
 *       3, 4, 7 and 8 for provisional numbers), year, month (01-12; 20 and 30-42 and 50-99 occur
 *       for people whose month of birth is unknown), department (01-99, 2A or 2B for Corsica),
 *       commune (3 digits), order (3 digits, not 000), then a 2-digit key {@code 97 - (n mod 97)}
 *       where {@code n} is the 13 characters read as a number, 2A read as 19 and 2B as 18 (INSEE,
 *       "Le numéro d'inscription au répertoire"; décret 82-103).
 *   <li>Numéro fiscal (SPI, the taxpayer identification number on the avis d'impôt): 13 digits, the
 *       first 0 to 3, the last three equal to the first ten read as a number mod 511 (DGFiP, as
 *       published in the EU TIN-on-Europa check and python-stdnum {@code fr.spi}).
 * </ul>
 */
public final class FrenchIds {
  private FrenchIds() {}

  /** A NIR of 15 characters, separators (space, dot, hyphen) ignored. */
  public static boolean isValidNir(CharSequence value) {
    String v = Digits.withoutSeparators(value);
    if (!v.matches("[1234578]\\d{4}(?:\\d{2}|2[AB])\\d{6}\\d{2}")) {
      return false;
    }
    int month = Integer.parseInt(v.substring(3, 5));
    if (month == 0 || (month > 12 && month != 20 && month < 30) || (month > 42 && month < 50)) {
      return false;
    }
    String department = v.substring(5, 7);
    if (department.equals("00") || v.substring(10, 13).equals("000")) {
      return false;
    }
    return nirKey(v.substring(0, 13)) == Integer.parseInt(v.substring(13));
  }

  /** The key of the first 13 characters of a NIR (digits, or 2A/2B as department). */
  public static int nirKey(String thirteen) {
    String digits = thirteen.toUpperCase().replace("2A", "19").replace("2B", "18");
    long n = Long.parseLong(digits);
    return (int) (97 - n % 97);
  }

  /** A numéro fiscal of 13 digits, separators ignored. */
  public static boolean isValidTaxNumber(CharSequence value) {
    String digits = Digits.only(value);
    if (digits.length() != 13 || digits.charAt(0) > '3' || Long.parseLong(digits) == 0) {
      return false;
    }
    return taxNumberKey(digits.substring(0, 10)) == Integer.parseInt(digits.substring(10));
  }

  /** The 3-digit key of a numéro fiscal's first ten digits. */
  public static int taxNumberKey(String tenDigits) {
    return (int) (Long.parseLong(tenDigits) % 511);
  }
}
