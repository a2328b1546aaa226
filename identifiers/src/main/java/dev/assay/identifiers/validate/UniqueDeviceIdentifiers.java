package dev.assay.identifiers.validate;

/**
 * FDA unique device identifiers in the issuing agencies' formats: GS1 (application identifier (01)
 * and a GTIN-14 with its mod-10 check digit, then optional production identifiers), HIBCC (a {@code
 * +}, the labeler code of a letter and 3 alphanumerics, the product and a mod-43 check char over
 * everything before it) and ICCBBA ISBT 128 ({@code =/} and 16 alphanumerics, which has no check
 * char of its own). Stateless.
 */
public final class UniqueDeviceIdentifiers {
  private UniqueDeviceIdentifiers() {}

  private static final String HIBC_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

  /** Whether {@code value} is a UDI whose check char, if its agency defines one, is right. */
  public static boolean isValid(CharSequence value) {
    String v = value.toString();
    if (v.startsWith("(01)")) {
      return isValidGtin(v.substring(4, 18));
    }
    if (v.startsWith("+")) {
      return hibcCheck(v.substring(0, v.length() - 1)) == v.charAt(v.length() - 1);
    }
    return v.startsWith("=/") && !Digits.allSame(v.substring(2));
  }

  /** Whether {@code gtin} (8 to 14 digits) ends with its GS1 mod-10 check digit. */
  public static boolean isValidGtin(CharSequence gtin) {
    if (gtin.length() < 8 || !WeightedSum.isDigits(gtin, gtin.length()) || Digits.allSame(gtin)) {
      return false;
    }
    return gtinCheck(gtin.subSequence(0, gtin.length() - 1))
        == gtin.charAt(gtin.length() - 1) - '0';
  }

  /** The GS1 check digit of {@code payload}: weights 3 and 1 alternating from the right. */
  public static int gtinCheck(CharSequence payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int weight = i % 2 == 0 ? 3 : 1;
      sum += (payload.charAt(payload.length() - 1 - i) - '0') * weight;
    }
    return (10 - sum % 10) % 10;
  }

  /** The HIBC check char of {@code data} (from the leading {@code +}): the sum of values mod 43. */
  public static char hibcCheck(CharSequence data) {
    int sum = 0;
    for (int i = 0; i < data.length(); i++) {
      int value = HIBC_CHARS.indexOf(Character.toUpperCase(data.charAt(i)));
      if (value < 0) {
        return 0;
      }
      sum += value;
    }
    return HIBC_CHARS.charAt(sum % 43);
  }
}
