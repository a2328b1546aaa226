package dev.assay.identifiers.validate;

/**
 * US Individual Taxpayer Identification Numbers: 9 digits, first 9, and digits 4-5 in the ranges
 * the IRS issues (50-65, 70-88, 90-92 and 94-99, IRS "ITIN" guidance since 2011). Stateless.
 */
public final class UsIndividualTaxpayerNumbers {
  private UsIndividualTaxpayerNumbers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() != 9 || d.charAt(0) != '9' || d.endsWith("0000")) {
      return false;
    }
    int group = Integer.parseInt(d.substring(3, 5));
    return (group >= 50 && group <= 65)
        || (group >= 70 && group <= 88)
        || (group >= 90 && group <= 92)
        || group >= 94;
  }
}
