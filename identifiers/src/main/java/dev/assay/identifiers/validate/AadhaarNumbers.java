package dev.assay.identifiers.validate;

/**
 * India's Aadhaar numbers (UIDAI): 12 digits, never starting with 0 or 1, the last a Verhoeff check
 * digit. Stateless.
 */
public final class AadhaarNumbers {
  private AadhaarNumbers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    return d.length() == 12
        && d.charAt(0) >= '2'
        && !Digits.allSame(d.substring(0, 11))
        && Verhoeff.isValid(d);
  }
}
