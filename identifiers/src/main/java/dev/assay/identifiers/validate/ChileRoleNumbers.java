package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * Chile's RUN/RUT: up to 8 digits and a mod-11 check character (weights 2..7 cycling from the
 * right; 11 gives 0 and 10 gives K). Macie never reports all-zero values such as 00000000-K.
 * Stateless.
 */
public final class ChileRoleNumbers {
  private ChileRoleNumbers() {}

  /** Whether {@code value} (digits, optional dots, a hyphen, the check char) is a valid RUT. */
  public static boolean isValid(CharSequence value) {
    String v = value.toString().replace(".", "").replace("-", "").toUpperCase(Locale.ROOT);
    if (v.length() < 8 || v.length() > 9) {
      return false;
    }
    String body = v.substring(0, v.length() - 1);
    if (!WeightedSum.isDigits(body, body.length()) || Long.parseLong(body) == 0) {
      return false;
    }
    return checkChar(body) == v.charAt(v.length() - 1);
  }

  /** The check character of {@code body} (digits only). */
  public static char checkChar(CharSequence body) {
    int sum = 0;
    int weight = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      sum += (body.charAt(i) - '0') * weight;
      weight = weight == 7 ? 2 : weight + 1;
    }
    int r = 11 - sum % 11;
    return r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
  }
}
