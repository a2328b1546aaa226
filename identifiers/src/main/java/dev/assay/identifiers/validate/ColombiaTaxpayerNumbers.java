package dev.assay.identifiers.validate;

/**
 * Colombia's NIT (DIAN): a base number of up to 15 digits and a check digit, 11 minus the weighted
 * sum mod 11 (weights 3, 7, 13, 17, 19, 23, ... from the right; remainders 0 and 1 give
 * themselves). Companies get 9-digit bases starting with 8 or 9; a person's NIT is the cédula
 * number, so other bases are a person's. Macie never reports all-zero values. Stateless.
 */
public final class ColombiaTaxpayerNumbers {
  private ColombiaTaxpayerNumbers() {}

  private static final int[] WEIGHTS = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};

  /**
   * Whether {@code value} (base, optional dots, a hyphen, the check digit) is an organization's
   * NIT.
   */
  public static boolean isValidOrganization(CharSequence value) {
    String base = base(value);
    return base != null && isOrganizationBase(base);
  }

  /** Whether {@code value} is a person's NIT: a valid NIT whose base is not an organization's. */
  public static boolean isValidIndividual(CharSequence value) {
    String base = base(value);
    return base != null && !isOrganizationBase(base);
  }

  private static boolean isOrganizationBase(String base) {
    return base.length() == 9 && (base.charAt(0) == '8' || base.charAt(0) == '9');
  }

  /** The base of a valid NIT, or null. */
  private static String base(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() < 7 || d.length() > 16) {
      return null;
    }
    String base = d.substring(0, d.length() - 1);
    if (base.charAt(0) == '0' || checkDigit(base) != d.charAt(d.length() - 1) - '0') {
      return null;
    }
    return base;
  }

  /** The check digit of {@code base} (digits only, at most 15). */
  public static int checkDigit(CharSequence base) {
    int sum = 0;
    for (int i = 0; i < base.length(); i++) {
      sum += (base.charAt(base.length() - 1 - i) - '0') * WEIGHTS[i];
    }
    int r = sum % 11;
    return r < 2 ? r : 11 - r;
  }
}
