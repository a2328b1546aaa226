package dev.assay.identifiers.validate;

/**
 * Canadian Social Insurance Numbers: 9 digits with a Luhn check digit; Service Canada never issues
 * a SIN starting with 0 or 8 (0 is reserved for fictitious numbers). Stateless.
 */
public final class CanadaSocialInsuranceNumbers {
  private CanadaSocialInsuranceNumbers() {}

  /** Whether {@code value} (9 digits, optionally grouped 3-3-3) can be a SIN. */
  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    return d.length() == 9
        && d.charAt(0) != '0'
        && d.charAt(0) != '8'
        && !Digits.allSame(d)
        && Luhn.isValid(d);
  }
}
