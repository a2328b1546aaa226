package dev.assay.identifiers.validate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailing addresses whose postal code must match their place, as Macie requires ("a city or place
 * name plus the matching ZIP or postal code"). For the countries where the code says where it is,
 * the state or province and the code must agree: a US ZIP code's first digit and the state (USPS
 * national areas 0-9), a Canadian postal code's first letter and the province (Canada Post), an
 * Australian postcode's first digit and the state (Australia Post). UK postcodes and the 5-digit
 * codes of France, Germany, Italy and Spain do not name a region on their own, so the pattern's
 * structure (street, number, code, place) is the whole rule there. Stateless.
 */
public final class MailingAddresses {
  private MailingAddresses() {}

  /** ZIP code first digit -> the states (and DC, territories) of that USPS national area. */
  private static final Map<Character, String> US_AREAS =
      Map.of(
          '0', "CT MA ME NH NJ PR RI VT VI",
          '1', "DE NY PA",
          '2', "DC MD NC SC VA WV",
          '3', "AL FL GA MS TN",
          '4', "IN KY MI OH",
          '5', "IA MN MT ND SD WI",
          '6', "IL KS MO NE",
          '7', "AR LA OK TX",
          '8', "AZ CO ID NM NV UT WY",
          '9', "AK CA HI OR WA GU");

  /** Canadian province -> the first letters of its postal codes. */
  private static final Map<String, String> CA_LETTERS =
      Map.ofEntries(
          Map.entry("NL", "A"),
          Map.entry("NS", "B"),
          Map.entry("PE", "C"),
          Map.entry("NB", "E"),
          Map.entry("QC", "GHJ"),
          Map.entry("ON", "KLMNP"),
          Map.entry("MB", "R"),
          Map.entry("SK", "S"),
          Map.entry("AB", "T"),
          Map.entry("BC", "V"),
          Map.entry("NT", "X"),
          Map.entry("NU", "X"),
          Map.entry("YT", "Y"));

  /** Australian state -> the first digits of its postcodes. */
  private static final Map<String, String> AU_DIGITS =
      Map.of(
          "NSW", "12", "ACT", "02", "VIC", "38", "QLD", "49", "SA", "5", "WA", "6", "TAS", "7",
          "NT", "0");

  private static final Pattern REGION_AND_CODE =
      Pattern.compile(
          "\\b([A-Z]{2,3})\\.?,?\\s+(\\d{5}(?:-\\d{4})?|\\d{4}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d)\\s*$");

  /** Whether the region and postal code at the end of {@code address}, if any, agree. */
  public static boolean codeMatchesRegion(CharSequence address) {
    Matcher m = REGION_AND_CODE.matcher(address);
    if (!m.find()) {
      return true;
    }
    String region = m.group(1);
    String code = m.group(2);
    if (code.length() >= 5 && Character.isDigit(code.charAt(0))) {
      String states = US_AREAS.get(code.charAt(0));
      return states.contains(region) && region.length() == 2;
    }
    if (Character.isLetter(code.charAt(0))) {
      String letters = CA_LETTERS.get(region);
      return letters != null && letters.indexOf(code.charAt(0)) >= 0;
    }
    String digits = AU_DIGITS.get(region);
    return digits != null && digits.indexOf(code.charAt(0)) >= 0;
  }
}
