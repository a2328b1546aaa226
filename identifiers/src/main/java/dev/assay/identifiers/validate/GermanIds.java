package dev.assay.identifiers.validate;

/**
 * Check rules of Germany's personal numbers. Stateless.
 *
 * <ul>
 *   <li>Steuerliche Identifikationsnummer (tax id, IdNr): 11 digits, the first not 0; among the
 *       first ten digits exactly one digit occurs two or three times (three times only since 2016,
 *       and then not three in a row) and every other at most once; the eleventh is the ISO/IEC 7064
 *       MOD 11,10 check digit (BZSt, "Steuerliche Identifikationsnummer", §139b AO and its data
 *       format specification).
 *   <li>Personalausweis (identity card, since November 2010) and Reisepass (passport, since 2007)
 *       serial numbers: nine characters from {@code 0-9} and the letters {@code CFGHJKLMNPRTVWXYZ},
 *       the first a letter (the authority code), optionally followed by the ICAO 9303 check digit
 *       (weights 7, 3, 1; A=10 .. Z=35) as printed in the machine readable zone
 *       (Personalausweisverordnung; ICAO Doc 9303 part 3).
 * </ul>
 */
public final class GermanIds {
  private GermanIds() {}

  private static final String DOCUMENT_LETTERS = "CFGHJKLMNPRTVWXYZ";

  /** A tax id of 11 digits, separators (space, slash) ignored. */
  public static boolean isValidTaxId(CharSequence value) {
    String digits = Digits.only(value);
    if (digits.length() != 11 || digits.charAt(0) == '0') {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[digits.charAt(i) - '0']++;
    }
    int repeated = 0;
    for (int count : counts) {
      if (count > 3) {
        return false;
      }
      if (count >= 2) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    for (int i = 2; i < 10; i++) {
      if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
        return false;
      }
    }
    return Iso7064.isValidMod11_10(digits);
  }

  /**
   * An identity card or passport serial: 9 characters of the document alphabet starting with a
   * letter, and when a tenth digit follows, the ICAO check digit.
   */
  public static boolean isValidDocumentNumber(CharSequence value) {
    String v = value.toString().toUpperCase();
    if (v.length() != 9 && v.length() != 10) {
      return false;
    }
    if (DOCUMENT_LETTERS.indexOf(v.charAt(0)) < 0) {
      return false;
    }
    boolean digit = false;
    for (int i = 1; i < 9; i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9') && DOCUMENT_LETTERS.indexOf(c) < 0) {
        return false;
      }
      digit |= c >= '0' && c <= '9';
    }
    if (!digit) {
      return false; // a word of consonants, not a serial
    }
    return v.length() == 9 || IcaoCheckDigits.checkDigit(v.substring(0, 9)) == v.charAt(9) - '0';
  }
}
