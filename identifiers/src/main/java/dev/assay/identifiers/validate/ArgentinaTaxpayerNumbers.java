package dev.assay.identifiers.validate;

/**
 * Argentina's CUIT/CUIL (AFIP): 11 digits, a two-digit type, the DNI or a company number, and a
 * mod-11 check digit (weights 5,4,3,2,7,6,5,4,3,2). Types 20, 23, 24 and 27 are people; 30, 33 and
 * 34 are organizations. A remainder giving check 10 is never issued (AFIP changes the type to 23
 * instead). Stateless.
 */
public final class ArgentinaTaxpayerNumbers {
  private ArgentinaTaxpayerNumbers() {}

  public static boolean isValidIndividual(CharSequence value) {
    String d = Digits.only(value);
    return isValid(d)
        && (d.startsWith("20") || d.startsWith("23") || d.startsWith("24") || d.startsWith("27"));
  }

  public static boolean isValidOrganization(CharSequence value) {
    String d = Digits.only(value);
    return isValid(d) && (d.startsWith("30") || d.startsWith("33") || d.startsWith("34"));
  }

  private static boolean isValid(String d) {
    if (d.length() != 11 || d.substring(2, 10).chars().allMatch(c -> c == '0')) {
      return false;
    }
    int check = checkDigit(d);
    return check < 10 && check == d.charAt(10) - '0';
  }

  /** The check digit of the first 10 digits of {@code digits}; 10 means none exists. */
  public static int checkDigit(CharSequence digits) {
    int r = 11 - WeightedSum.of(digits, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    return r == 11 ? 0 : r;
  }
}
