package dev.assay.identifiers.validate;

/**
 * The Verhoeff check (dihedral group D5), which catches every single-digit error and every adjacent
 * transposition; India's Aadhaar numbers end with a Verhoeff check digit. Stateless.
 */
public final class Verhoeff {
  private Verhoeff() {}

  private static final int[][] D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };
  private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

  /** Whether {@code digits} (ASCII digits only, at least two) end with a correct Verhoeff digit. */
  public static boolean isValid(CharSequence digits) {
    if (digits.length() < 2 || !WeightedSum.isDigits(digits, digits.length())) {
      return false;
    }
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      c = D[c][P[i % 8][digits.charAt(digits.length() - 1 - i) - '0']];
    }
    return c == 0;
  }

  /** The digit that makes {@code payload} followed by it Verhoeff-valid. */
  public static int checkDigit(CharSequence payload) {
    int c = 0;
    for (int i = 0; i < payload.length(); i++) {
      c = D[c][P[(i + 1) % 8][payload.charAt(payload.length() - 1 - i) - '0']];
    }
    return INV[c];
  }
}
