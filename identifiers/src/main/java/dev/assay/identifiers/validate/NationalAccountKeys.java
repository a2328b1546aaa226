package dev.assay.identifiers.validate;

/**
 * The national check characters inside some BBANs, which every real account number of those
 * countries carries (Macie documents none of them, so they only tighten what the IBAN check
 * accepts): the French <i>clé RIB</i> (also Monaco), the Italian CIN (also San Marino) and the
 * Spanish <i>dígitos de control</i> of the CCC. German and British account checks depend on
 * per-bank tables (Bundesbank Prüfziffer methods, VocaLink modulus weights) and are not here.
 *
 * <p>Every method takes a compact BBAN (no separators) of the right structure. Stateless.
 */
public final class NationalAccountKeys {
  private NationalAccountKeys() {}

  /**
   * French RIB: bank (5 digits), branch (5), account (11 alphanumerics), key (2), with key = 97 -
   * ((89 bank + 15 branch + 3 account) mod 97), letters of the account read as digits (A, J = 1; B,
   * K, S = 2; ... I, R, Z = 9).
   */
  public static boolean isFrenchRib(CharSequence bban) {
    if (bban.length() != 23) {
      return false;
    }
    long bank = Long.parseLong(bban.subSequence(0, 5).toString());
    long branch = Long.parseLong(bban.subSequence(5, 10).toString());
    long account = 0;
    for (int i = 10; i < 21; i++) {
      int d = ribDigit(bban.charAt(i));
      if (d < 0) {
        return false;
      }
      account = account * 10 + d;
    }
    int key = Integer.parseInt(bban.subSequence(21, 23).toString());
    return key == 97 - (int) ((89 * bank + 15 * branch + 3 * account) % 97);
  }

  private static int ribDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      // A..I = 1..9, J..R = 1..9, S..Z = 2..9: the historical RIB letter table.
      int i = c - 'A';
      return i < 9 ? i + 1 : i < 18 ? i - 8 : i - 16;
    }
    return -1;
  }

  /** Values of the odd positions (1st, 3rd, ...) in the CIN, indexed by digit value or letter. */
  private static final int[] CIN_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  /**
   * Italian BBAN: CIN (1 letter), ABI (5 digits), CAB (5), account (12 alphanumerics). The CIN is
   * the letter of the sum over the 22 following characters, odd positions through a fixed table,
   * even ones at face value (digit value, or A = 0 ... Z = 25), mod 26.
   */
  public static boolean isItalianCin(CharSequence bban) {
    if (bban.length() != 23) {
      return false;
    }
    int sum = 0;
    for (int i = 1; i < 23; i++) {
      char c = bban.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A';
      } else {
        return false;
      }
      sum += (i % 2 == 1) ? CIN_ODD[v] : v;
    }
    return bban.charAt(0) == (char) ('A' + sum % 26);
  }

  private static final int[] CCC_WEIGHTS = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};

  /**
   * Spanish CCC: entity (4 digits), office (4), two control digits, account (10). The first control
   * digit covers "00" + entity + office, the second the account, each 11 - (weighted sum mod 11),
   * with 11 written 0 and 10 written 1.
   */
  public static boolean isSpanishCcc(CharSequence bban) {
    if (bban.length() != 20) {
      return false;
    }
    for (int i = 0; i < 20; i++) {
      if (bban.charAt(i) < '0' || bban.charAt(i) > '9') {
        return false;
      }
    }
    String bankOffice = "00" + bban.subSequence(0, 8);
    return bban.charAt(8) - '0' == cccDigit(bankOffice)
        && bban.charAt(9) - '0' == cccDigit(bban.subSequence(10, 20));
  }

  private static int cccDigit(CharSequence tenDigits) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (tenDigits.charAt(i) - '0') * CCC_WEIGHTS[i];
    }
    int d = 11 - sum % 11;
    return d == 11 ? 0 : d == 10 ? 1 : d;
  }
}
