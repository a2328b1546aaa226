package dev.assay.identifiers.validate;

import java.util.Set;

/**
 * European Health Insurance Card numbers (the card's field 8, "identification number of the card"):
 * 20 digits, {@code 80} (the ISO/IEC 7812 health-care industry code) then the issuing country's ISO
 * 3166-1 numeric code, then the issuer's number. Only the countries that issue the card (EU, EEA,
 * Switzerland, UK) are accepted. Stateless.
 */
public final class HealthInsuranceCardNumbers {
  private HealthInsuranceCardNumbers() {}

  /** ISO 3166-1 numeric codes of the countries that issue the EHIC. */
  static final Set<String> ISSUERS =
      Set.of(
          "040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348",
          "352", "372", "380", "428", "438", "440", "442", "470", "528", "578", "616", "620", "642",
          "703", "705", "724", "752", "756", "826");

  /** Finland's ISO 3166-1 numeric code. */
  public static final String FINLAND = "246";

  /** The issuing country's numeric code of a valid card number, or null. */
  public static String issuer(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() != 20 || !d.startsWith("80") || Digits.allSame(d.substring(5))) {
      return null;
    }
    String country = d.substring(2, 5);
    return ISSUERS.contains(country) ? country : null;
  }
}
