package dev.assay.identifiers.validate;

/**
 * Brazil's taxpayer numbers, each with two mod-11 check digits (Receita Federal): the CPF of a
 * person (11 digits) and the CNPJ of an organization (14 digits). Numbers of one repeated digit
 * pass the arithmetic but are never issued, and Macie never reports all-zero values. Stateless.
 */
public final class BrazilTaxpayerNumbers {
  private BrazilTaxpayerNumbers() {}

  public static boolean isValidCpf(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() != 11 || Digits.allSame(d)) {
      return false;
    }
    return d.charAt(9) - '0' == cpfDigit(d, 9) && d.charAt(10) - '0' == cpfDigit(d, 10);
  }

  /**
   * The CPF check digit at {@code position} (9 or 10): weights n+1 down to 2 over the digits before
   * it.
   */
  static int cpfDigit(CharSequence digits, int position) {
    int sum = 0;
    for (int i = 0; i < position; i++) {
      sum += (digits.charAt(i) - '0') * (position + 1 - i);
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }

  public static boolean isValidCnpj(CharSequence value) {
    String d = Digits.only(value);
    if (d.length() != 14 || Digits.allSame(d)) {
      return false;
    }
    return d.charAt(12) - '0' == cnpjDigit(d, 12) && d.charAt(13) - '0' == cnpjDigit(d, 13);
  }

  /** The CNPJ check digit at {@code position} (12 or 13): weights cycling 2..9 from the right. */
  static int cnpjDigit(CharSequence digits, int position) {
    int sum = 0;
    int weight = 2;
    for (int i = position - 1; i >= 0; i--) {
      sum += (digits.charAt(i) - '0') * weight;
      weight = weight == 9 ? 2 : weight + 1;
    }
    int r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  }
}
