package dev.assay.identifiers.validate;

/**
 * Australian Tax File Numbers (ATO): 9 digits whose weighted sum (1, 4, 3, 7, 5, 8, 6, 9, 10) is a
 * multiple of 11; older 8-digit TFNs use 10, 7, 8, 4, 6, 3, 5, 1. Macie never reports all-zero
 * values. Stateless.
 */
public final class AustraliaTaxFileNumbers {
  private AustraliaTaxFileNumbers() {}

  public static boolean isValid(CharSequence value) {
    String d = Digits.only(value);
    if (Digits.allSame(d)) {
      return false;
    }
    if (d.length() == 9) {
      return WeightedSum.of(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0;
    }
    return d.length() == 8 && WeightedSum.of(d, 10, 7, 8, 4, 6, 3, 5, 1) % 11 == 0;
  }
}
