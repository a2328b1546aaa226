package dev.assay.identifiers.validate;

/**
 * Phone number rules. North American Numbering Plan (US, Canada): a 3-digit area code and a 3-digit
 * exchange, each starting 2-9 and neither an N11 service code, then 4 digits; a country code is
 * {@code +1}, or a leading {@code 1} with a separator. Brazil (Anatel): a 2-digit area code (DDD)
 * without zeros, then 8 digits for a landline (starting 2-5) or 9 for a mobile (starting 9); the
 * country code is {@code +55}. Stateless.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  /** Whether {@code value} is a well-formed North American number, with or without its country code. */
  public static boolean isNorthAmerican(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() == 11 && d.charAt(0) == '1') {
      d = d.substring(1);
    }
    if (d.length() != 10) {
      return false;
    }
    return isNxx(d, 0) && isNxx(d, 3) && !d.substring(6).equals("0000");
  }

  private static boolean isNxx(String d, int at) {
    return d.charAt(at) >= '2' && !(d.charAt(at + 1) == '1' && d.charAt(at + 2) == '1');
  }

  /** Whether a North American number carries its country code ({@code +1}, or {@code 1} and a separator). */
  public static boolean hasNorthAmericanCountryCode(CharSequence value) {
    String v = value.toString();
    return v.startsWith("+1") || (v.length() > 1 && v.charAt(0) == '1' && !Character.isDigit(v.charAt(1)));
  }

  /** Whether {@code value} is a well-formed Brazilian number, with or without {@code +55}. */
  public static boolean isBrazilian(CharSequence value) {
    String d = Digits.only(value);
    if (value.toString().startsWith("+55")) {
      d = d.substring(2);
    }
    if (d.length() != 10 && d.length() != 11) {
      return false;
    }
    if (d.charAt(0) == '0' || d.charAt(1) == '0') {
      return false;
    }
    char first = d.charAt(2);
    return d.length() == 11 ? first == '9' : first >= '2' && first <= '5';
  }

  /** Whether a Brazilian number carries its country code. */
  public static boolean hasBrazilianCountryCode(CharSequence value) {
    return value.toString().startsWith("+55");
  }
}
