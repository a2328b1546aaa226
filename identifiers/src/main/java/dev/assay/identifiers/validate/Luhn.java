package dev.assay.identifiers.validate;

/** The Luhn (mod 10) check used by payment card numbers and several national ids. Stateless. */
public final class Luhn {
  private Luhn() {}

  /** Whether {@code digits} (ASCII digits only, at least two) pass the Luhn check. */
  public static boolean isValid(CharSequence digits) {
    int length = digits.length();
    if (length < 2) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = length - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /** The check digit that makes {@code payload} followed by it Luhn-valid. */
  public static int checkDigit(CharSequence payload) {
    for (int d = 0; d <= 9; d++) {
      if (isValid(payload.toString() + d)) {
        return d;
      }
    }
    throw new IllegalArgumentException("not digits: " + payload);
  }
}
