package dev.assay.identifiers.validate;

import java.util.Locale;

/**
 * India's PAN (Income Tax Department): 5 letters, 4 digits, 1 letter; the 4th letter says who holds
 * it (P person, C company, H Hindu undivided family, F firm, A association, T trust, B body of
 * individuals, L local authority, J artificial juridical person, G government). Serial 0000 is
 * never issued. There is no published check-letter algorithm. Stateless.
 */
public final class IndiaPermanentAccountNumbers {
  private IndiaPermanentAccountNumbers() {}

  public static boolean isValid(CharSequence value) {
    String v = value.toString().toUpperCase(Locale.ROOT);
    return v.length() == 10
        && "PCHFATBLJG".indexOf(v.charAt(3)) >= 0
        && !v.substring(5, 9).equals("0000");
  }
}
