package dev.assay.identifiers.validate;

/**
 * US National Provider Identifiers (45 CFR 162.406): 10 digits starting 1 or 2, whose last digit is
 * the Luhn check digit of the 9 before it prefixed with the card issuer number 80840, as the CMS
 * "NPI check digit" note defines. Stateless.
 */
public final class NationalProviderIdentifiers {
  private NationalProviderIdentifiers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    return d.length() == 10
        && (d.charAt(0) == '1' || d.charAt(0) == '2')
        && Luhn.isValid("80840" + d);
  }
}
