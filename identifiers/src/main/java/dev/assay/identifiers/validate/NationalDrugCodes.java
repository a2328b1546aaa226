package dev.assay.identifiers.validate;

/**
 * US National Drug Codes (FDA): 10 digits as labeler-product-package in the configurations 4-4-2,
 * 5-3-2 or 5-4-1, or the 11-digit billing form 5-4-2 (with or without hyphens). The labeler code
 * and the product code are never all zeros. There is no check digit. Stateless.
 */
public final class NationalDrugCodes {
  private NationalDrugCodes() {}

  public static boolean isValid(CharSequence value) {
    String[] parts = value.toString().split("-");
    if (parts.length == 1) {
      return parts[0].length() == 11
          && !isZeros(parts[0].substring(0, 5))
          && !isZeros(parts[0].substring(5, 9));
    }
    return parts.length == 3 && !isZeros(parts[0]) && !isZeros(parts[1]);
  }

  private static boolean isZeros(String digits) {
    return digits.chars().allMatch(c -> c == '0');
  }
}
