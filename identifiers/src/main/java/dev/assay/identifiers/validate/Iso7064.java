package dev.assay.identifiers.validate;

/**
 * The ISO/IEC 7064 MOD 11,10 hybrid check character system, used by Germany's tax identification
 * number (Steuerliche Identifikationsnummer, BZSt) and Croatia's OIB. Stateless.
 */
public final class Iso7064 {
  private Iso7064() {}

  /** The MOD 11,10 check digit of {@code payload} (ASCII digits). */
  public static int mod11_10CheckDigit(CharSequence payload) {
    int product = 10;
    for (int i = 0; i < payload.length(); i++) {
      int sum = (payload.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    return check == 10 ? 0 : check;
  }

  /** Whether {@code digits} ends with the MOD 11,10 check digit of the rest. */
  public static boolean isValidMod11_10(CharSequence digits) {
    int n = digits.length();
    if (n < 2) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return false;
      }
    }
    return mod11_10CheckDigit(digits.subSequence(0, n - 1)) == digits.charAt(n - 1) - '0';
  }
}
