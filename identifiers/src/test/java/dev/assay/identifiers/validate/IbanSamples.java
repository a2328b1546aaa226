package dev.assay.identifiers.validate;

import java.math.BigInteger;
import java.util.Random;

/** Random valid IBANs for tests, with check digits computed here, independently of {@link Iban}. */
public final class IbanSamples {
  private IbanSamples() {}

  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * A random BBAN of {@code country}'s structure, with check digits computed independently here.
   */
  public static String generate(String country, Random random) {
    String structure = Iban.structureOf(country);
    StringBuilder bban = new StringBuilder();
    int count = 0;
    for (char k : structure.toCharArray()) {
      if (Character.isDigit(k)) {
        count = count * 10 + (k - '0');
        continue;
      }
      for (int i = 0; i < count; i++) {
        String alphabet =
            k == 'n' ? DIGITS : k == 'a' ? LETTERS : (random.nextBoolean() ? DIGITS : LETTERS);
        bban.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      count = 0;
    }
    // ISO 7064 MOD 97-10 by big integer arithmetic, independent of Iban.mod97.
    StringBuilder numeric = new StringBuilder();
    for (char ch : (bban + country + "00").toCharArray()) {
      numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return country + String.format("%02d", check) + bban;
  }
}
