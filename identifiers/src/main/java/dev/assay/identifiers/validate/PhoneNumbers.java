package dev.assay.identifiers.validate;

/**
 * Phone number rules. North American Numbering Plan (US, Canada): a 3-digit area code starting 2-9
 * that is not an N11 service code, a 3-digit exchange and 4 digits, optionally an extension; a
 * country code is {@code +1}, {@code 001} (the international prefix and the code), or a leading
 * {@code 1} with a separator. Brazil (Anatel): a 2-digit area code (DDD) without zeros, then 8
 * digits for a landline (starting 2-5) or 9 for a mobile (starting 9); the country code is {@code
 * +55}. Stateless.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  /**
   * Whether {@code value} is a well-formed North American number, with or without its country code.
   */
  public static boolean isNorthAmerican(CharSequence value) {
    String v = value.toString();
    int extension = Math.max(v.indexOf('x'), v.indexOf("ext"));
    String d = Digits.only(extension > 0 ? v.substring(0, extension) : v);
    if (d.length() == 13 && d.startsWith("001")) {
      d = d.substring(3);
    } else if (d.length() == 11 && d.charAt(0) == '1') {
      d = d.substring(1);
    }
    if (d.length() != 10) {
      return false;
    }
    // The area code must be a real one (2-9, not an N11 service code); the exchange is not checked,
    // as Macie matches the format and fictional exchanges (555, 1xx) are common in test data.
    return d.charAt(0) >= '2'
        && !(d.charAt(1) == '1' && d.charAt(2) == '1')
        && !Digits.allSame(d.substring(3));
  }

  /**
   * Whether a North American number carries its country code ({@code +1}, or {@code 1} and a
   * separator).
   */
  public static boolean hasNorthAmericanCountryCode(CharSequence value) {
    String v = value.toString();
    return v.startsWith("+1")
        || v.startsWith("001")
        || (v.length() > 1 && v.charAt(0) == '1' && !Character.isDigit(v.charAt(1)));
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
