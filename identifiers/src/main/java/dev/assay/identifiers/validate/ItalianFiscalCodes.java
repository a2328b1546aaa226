package dev.assay.identifiers.validate;

/**
 * Italy's codice fiscale of a person (DM 23 dicembre 1976, Agenzia delle Entrate): 16 chars, 3
 * letters of the surname, 3 of the name, 2 of the year, a month letter ({@code ABCDEHLMPRST}), 2 of
 * the day (plus 40 for women), the 4-char Belfiore code of the place of birth (a letter and 3
 * digits), and a control letter. Where two people would share a code (omocodia), digits of the
 * year, day and Belfiore number are replaced from the right by {@code LMNPQRSTUV} (for 0-9). The
 * control letter: chars in odd positions (1-based) map through a fixed table, chars in even
 * positions to their value (0-9 or A=0 .. Z=25); the sum mod 26 is the letter. Stateless.
 */
public final class ItalianFiscalCodes {
  private ItalianFiscalCodes() {}

  private static final String MONTHS = "ABCDEHLMPRST";
  private static final String OMOCODE = "LMNPQRSTUV";

  /** Odd-position values of 0-9 and then A-Z. */
  private static final int[] ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
    23 // A-Z
  };

  /** Positions (0-based) that hold digits or their omocode letters. */
  private static final int[] NUMERIC = {6, 7, 9, 10, 12, 13, 14};

  /** Whether {@code value} (16 chars, case-insensitive) is a valid personal codice fiscale. */
  public static boolean isValid(CharSequence value) {
    String v = value.toString().toUpperCase();
    if (v.length() != 16) {
      return false;
    }
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 8, 11, 15}) {
      if (v.charAt(i) < 'A' || v.charAt(i) > 'Z') {
        return false;
      }
    }
    StringBuilder plain = new StringBuilder(v);
    for (int i : NUMERIC) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      int d = OMOCODE.indexOf(c);
      if (d < 0) {
        return false;
      }
      plain.setCharAt(i, (char) ('0' + d));
    }
    if (MONTHS.indexOf(v.charAt(8)) < 0) {
      return false;
    }
    int day = Integer.parseInt(plain.substring(9, 11));
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
      return false;
    }
    return controlChar(v.substring(0, 15)) == v.charAt(15);
  }

  /** The control letter of the first 15 chars. */
  public static char controlChar(String fifteen) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = Character.toUpperCase(fifteen.charAt(i));
      int index = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
      if (i % 2 == 0) {
        sum += ODD[index];
      } else {
        sum += c >= '0' && c <= '9' ? c - '0' : c - 'A';
      }
    }
    return (char) ('A' + sum % 26);
  }
}
