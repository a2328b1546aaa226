package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * The French social security number (NIR) that the carte Vitale carries: 13 chars (sex 1 or 2,
 * year, month 01-12 or 20-99 for unknown, department, with Corsica as 2A/2B, commune, order) and a
 * 2-digit key, 97 minus the 13-digit number mod 97 (Corsica's 2A and 2B count as 19 and 18).
 * Stateless.
 */
public final class FranceHealthInsuranceNumbers {
  private FranceHealthInsuranceNumbers() {}

  public static boolean isValid(CharSequence value) {
    String v = value.toString().replace(" ", "").toUpperCase(Locale.ROOT);
    if (v.length() != 15 || (v.charAt(0) != '1' && v.charAt(0) != '2')) {
      return false;
    }
    String body = v.substring(0, 13);
    if (body.startsWith("2A", 5)) {
      body = body.substring(0, 5) + "19" + body.substring(7);
    } else if (body.startsWith("2B", 5)) {
      body = body.substring(0, 5) + "18" + body.substring(7);
    }
    String key = v.substring(13);
    if (!WeightedSum.isDigits(body, 13) || !WeightedSum.isDigits(key, 2)) {
      return false;
    }
    int month = Integer.parseInt(body.substring(3, 5));
    if (month == 0 || (month > 12 && month < 20)) {
      return false;
    }
    return key(body) == Integer.parseInt(key);
  }

  /** The key of a 13-digit body (Corsica already mapped to digits). */
  public static int key(CharSequence body13) {
    return 97 - (int) (Long.parseLong(body13.toString()) % 97);
  }
}
