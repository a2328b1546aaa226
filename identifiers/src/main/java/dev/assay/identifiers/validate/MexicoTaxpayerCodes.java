package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * Mexico's RFC (SAT): 4 letters (a person) or 3 (an organization, {@code &} and {@code Ñ} allowed),
 * the date of birth or incorporation YYMMDD, and a 3-char homoclave. The generic RFCs of the public
 * at large, {@code XAXX010101000} and {@code XEXX010101000}, are never reported (Macie User Guide),
 * nor values whose date part is not a date. Stateless.
 */
public final class MexicoTaxpayerCodes {
  private MexicoTaxpayerCodes() {}

  public static boolean isValidIndividual(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    return v.length() == 13 && isValid(v, 4);
  }

  public static boolean isValidOrganization(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    return v.length() == 12 && isValid(v, 3);
  }

  private static boolean isValid(String v, int letters) {
    if (v.equals("XAXX010101000")
        || v.equals("XEXX010101000")
        || v.substring(letters).equals("000000000")) {
      return false;
    }
    String yy = v.substring(letters, letters + 2);
    // Any two-digit year is possible; 2000 is a leap year, so 29 February stays valid for "00".
    int year = 2000 + Integer.parseInt(yy);
    return MexicoPopulationRegistryCodes.validDate(
        year, v.substring(letters + 2, letters + 4), v.substring(letters + 4, letters + 6));
  }
}
