package dev.assay.identifiers.validate;

import java.util.Set;

/**
 * Payment card number rules for Macie's {@code CREDIT_CARD_NUMBER} identifiers: 13 to 19 digits, a
 * known issuer prefix (IIN) with a length that issuer uses, the Luhn check, one separator style
 * throughout, and none of the published test numbers that Macie never reports. Stateless.
 */
public final class PaymentCards {
  private PaymentCards() {}

  /**
   * Published test card numbers that Macie never reports (Macie User Guide, financial identifiers).
   */
  static final Set<String> TEST_NUMBERS =
      Set.of(
          "122000000000003",
          "2222405343248877",
          "2222990905257051",
          "2223007648726984",
          "2223577120017656",
          "30569309025904",
          "34343434343434",
          "3528000700000000",
          "3530111333300000",
          "3566002020360505",
          "36148900647913",
          "36700102000000",
          "371449635398431",
          "378282246310005",
          "378734493671000",
          "38520000023237",
          "4012888888881881",
          "4111111111111111",
          "4222222222222",
          "4444333322221111",
          "4462030000000000",
          "4484070000000000",
          "4911830000000",
          "4917300800000000",
          "4917610000000000",
          "4917610000000000003",
          "5019717010103742",
          "5105105105105100",
          "5111010030175156",
          "5185540810000019",
          "5200828282828210",
          "5204230080000017",
          "5204740009900014",
          "5420923878724339",
          "5454545454545454",
          "5455330760000018",
          "5506900490000436",
          "5506900490000444",
          "5506900510000234",
          "5506920809243667",
          "5506922400634930",
          "5506927427317625",
          "5553042241984105",
          "5555553753048194",
          "5555555555554444",
          "5610591081018250",
          "6011000990139424",
          "6011000400000000",
          "6011111111111117",
          "630490017740292441",
          "630495060000000000",
          "6331101999990016",
          "6759649826438453",
          "6799990100000000019",
          "76009244561");

  /**
   * Whether {@code value} (digits with optional space or hyphen separators) is a reportable card
   * number.
   */
  public static boolean isReportable(CharSequence value) {
    char separator = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '-') {
        if (separator != 0 && separator != c) {
          return false;
        }
        separator = c;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    String digits = Digits.only(value);
    return digits.length() >= 13
        && digits.length() <= 19
        && hasIssuerPrefix(digits)
        && Luhn.isValid(digits)
        && !TEST_NUMBERS.contains(digits)
        && !isPlaceholder(digits);
  }

  /**
   * Whether the account part (after the 6-digit issuer prefix, before the check digit) is one digit
   * repeated, as in the placeholders 4000 0000 0000 0002 or 5555 5555 5555 4444: real accounts
   * almost never are, and documentation is full of them.
   */
  private static boolean isPlaceholder(String digits) {
    return Digits.allSame(digits.substring(6, digits.length() - 1));
  }

  /**
   * Whether the number starts with a prefix of Visa (incl. Electron), Mastercard, American Express,
   * Discover, Diners Club, JCB, UnionPay or Dankort, at a length that issuer uses.
   */
  public static boolean hasIssuerPrefix(String digits) {
    int length = digits.length();
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    int p6 = Integer.parseInt(digits.substring(0, 6));
    if (digits.charAt(0) == '4') { // Visa, Visa Electron, Dankort co-branded (4571)
      return length == 13 || length == 16 || length == 19;
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) { // Mastercard
      return length == 16;
    }
    if (p2 == 34 || p2 == 37) { // American Express
      return length == 15;
    }
    if (p4 == 6011
        || (p3 >= 644 && p3 <= 649)
        || p2 == 65
        || (p6 >= 622126 && p6 <= 622925)) { // Discover
      return length >= 16 && length <= 19;
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) { // Diners Club
      return length >= 14 && length <= 19;
    }
    if (p4 >= 3528 && p4 <= 3589) { // JCB
      return length >= 16 && length <= 19;
    }
    if (p2 == 62 || p2 == 81) { // UnionPay
      return length >= 16 && length <= 19;
    }
    if (p4 == 5019) { // Dankort
      return length == 16;
    }
    return false;
  }
}
