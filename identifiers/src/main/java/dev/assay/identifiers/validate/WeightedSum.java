package dev.assay.identifiers.validate;

/** The weighted digit sums that most national check digits are built on. Stateless. */
final class WeightedSum {
  private WeightedSum() {}

  /**
   * The sum of {@code digits[i] * weights[i]} over the first {@code weights.length} chars of {@code
   * digits}, which must all be ASCII digits and at least that many.
   */
  static int of(CharSequence digits, int... weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum;
  }

  /** Whether {@code value} is exactly {@code length} ASCII digits. */
  static boolean isDigits(CharSequence value, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
