package dev.assay.identifiers.validate;

import java.util.Map;
import java.util.Set;

/**
 * International Bank Account Numbers (ISO 13616): a two-letter country code, two check digits and
 * the country's BBAN, whose structure (and so the IBAN length) the SWIFT IBAN registry fixes per
 * country. A value is an IBAN when its country is known here, its BBAN has that country's structure
 * and the whole passes the ISO 7064 MOD 97-10 check. Stateless and thread-safe.
 *
 * <p>The table covers the countries for which Macie has a bank account identifier.
 */
public final class Iban {
  private Iban() {}

  /**
   * BBAN structure per country, in the registry's notation: a count then {@code n} (digits), {@code
   * a} (upper-case letters) or {@code c} (upper-case letters or digits). The IBAN length is 4 plus
   * the BBAN length.
   */
  private static final Map<String, String> BBAN_STRUCTURE =
      Map.ofEntries(
          Map.entry("AD", "8n12c"),
          Map.entry("AE", "19n"),
          Map.entry("AL", "8n16c"),
          Map.entry("BA", "16n"),
          Map.entry("BG", "4a6n8c"),
          Map.entry("BR", "23n1a1c"),
          Map.entry("CH", "5n12c"),
          Map.entry("CR", "18n"),
          Map.entry("CY", "8n16c"),
          Map.entry("CZ", "20n"),
          Map.entry("DE", "18n"),
          Map.entry("DK", "14n"),
          Map.entry("DO", "4c20n"),
          Map.entry("EE", "16n"),
          Map.entry("EG", "25n"),
          Map.entry("ES", "20n"),
          Map.entry("FI", "14n"),
          Map.entry("FO", "14n"),
          Map.entry("FR", "10n11c2n"),
          Map.entry("GB", "4a14n"),
          Map.entry("GE", "2a16n"),
          Map.entry("GL", "14n"),
          Map.entry("GR", "7n16c"),
          Map.entry("HR", "17n"),
          Map.entry("HU", "24n"),
          Map.entry("IE", "4a14n"),
          Map.entry("IS", "22n"),
          Map.entry("IT", "1a10n12c"),
          Map.entry("JO", "4a4n18c"),
          Map.entry("LI", "5n12c"),
          Map.entry("LT", "16n"),
          Map.entry("MC", "10n11c2n"),
          Map.entry("ME", "18n"),
          Map.entry("MK", "3n10c2n"),
          Map.entry("MR", "23n"),
          Map.entry("MT", "4a5n18c"),
          Map.entry("MU", "4a19n3a"),
          Map.entry("NL", "4a10n"),
          Map.entry("PL", "24n"),
          Map.entry("PT", "21n"),
          Map.entry("RS", "18n"),
          Map.entry("SE", "20n"),
          Map.entry("SI", "15n"),
          Map.entry("SK", "20n"),
          Map.entry("SM", "1a10n12c"),
          Map.entry("SN", "2a22n"),
          Map.entry("TL", "19n"),
          Map.entry("TN", "20n"),
          Map.entry("TR", "6n16c"),
          Map.entry("UA", "6n19c"),
          Map.entry("VG", "4a16n"),
          Map.entry("XK", "16n"));

  /** The country codes this table knows. */
  public static Set<String> countries() {
    return BBAN_STRUCTURE.keySet();
  }

  /** The IBAN length of {@code country} in characters, without separators. */
  public static int length(String country) {
    return 4 + bbanLength(structureOf(country));
  }

  /** The BBAN structure of {@code country} in the registry's notation (e.g. {@code 10n11c2n}). */
  public static String structureOf(String country) {
    String s = BBAN_STRUCTURE.get(country);
    if (s == null) {
      throw new IllegalArgumentException("no IBAN structure for " + country);
    }
    return s;
  }

  /**
   * Whether {@code value}, with any spaces and hyphens removed, is a valid IBAN of a known country:
   * right length, BBAN structure and check digits.
   */
  public static boolean isValid(CharSequence value) {
    String compact = compact(value);
    if (compact.length() < 5) {
      return false;
    }
    String country = compact.substring(0, 2);
    String structure = BBAN_STRUCTURE.get(country);
    if (structure == null || compact.length() != 4 + bbanLength(structure)) {
      return false;
    }
    int check = digitValue(compact.charAt(2)) * 10 + digitValue(compact.charAt(3));
    // The algorithm only ever yields 02..98; 00, 01 and 99 are congruent to valid values but
    // never issued.
    return check >= 2
        && check <= 98
        && bbanMatches(structure, compact.substring(4))
        && mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
  }

  /** Whether {@code bban} (no separators) has the BBAN structure of {@code country}. */
  public static boolean isBban(String country, CharSequence bban) {
    String structure = BBAN_STRUCTURE.get(country);
    return structure != null && bbanMatches(structure, bban);
  }

  /**
   * Whether {@code [start, end)} of {@code text} lies inside a valid IBAN written there, compact or
   * grouped with spaces or hyphens (so that, for example, four digit groups of a printed IBAN are
   * not taken for a card number).
   */
  public static boolean encloses(CharSequence text, int start, int end) {
    int from = Math.max(0, start - 42);
    for (int p = start - 1; p >= from; p--) {
      char c = text.charAt(p);
      if (!isOfKind(c, 'c') && c != ' ' && c != '-') {
        return false;
      }
      if (p + 4 > text.length()
          || !isOfKind(c, 'a')
          || !isOfKind(text.charAt(p + 1), 'a')
          || !isOfKind(text.charAt(p + 2), 'n')
          || !isOfKind(text.charAt(p + 3), 'n')
          || (p > 0 && Character.isLetterOrDigit(text.charAt(p - 1)))) {
        continue;
      }
      String structure = BBAN_STRUCTURE.get(text.subSequence(p, p + 2).toString());
      if (structure == null) {
        continue;
      }
      int length = 4 + bbanLength(structure);
      StringBuilder compact = new StringBuilder(length);
      int q = p;
      while (q < text.length() && compact.length() < length) {
        char ch = text.charAt(q);
        if (isOfKind(ch, 'c')) {
          compact.append(ch);
        } else if (ch != ' ' && ch != '-') {
          break;
        }
        q++;
      }
      if (compact.length() == length && q >= end && isValid(compact)) {
        return true;
      }
    }
    return false;
  }

  /** The two check digits that make {@code country + digits + bban} a valid IBAN. */
  public static String checkDigits(String country, String bban) {
    int check = 98 - mod97(bban + country + "00");
    return (check < 10 ? "0" : "") + check;
  }

  /** {@code value} without spaces and hyphens. */
  public static String compact(CharSequence value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '-') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * ISO 7064 MOD 97-10 of {@code alnum}, letters counting as two digits (A = 10 ... Z = 35); -1 if
   * it holds anything else.
   */
  static int mod97(CharSequence alnum) {
    int r = 0;
    for (int i = 0; i < alnum.length(); i++) {
      char c = alnum.charAt(i);
      if (c >= '0' && c <= '9') {
        r = (r * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        r = (r * 100 + (c - 'A' + 10)) % 97;
      } else {
        return -1;
      }
    }
    return r;
  }

  private static int digitValue(char c) {
    return c >= '0' && c <= '9' ? c - '0' : -100;
  }

  private static int bbanLength(String structure) {
    return expand(structure).length();
  }

  /** The structure written out one kind per position: {@code 2n1a} becomes {@code nna}. */
  private static String expand(String structure) {
    StringBuilder kinds = new StringBuilder();
    int count = 0;
    for (int i = 0; i < structure.length(); i++) {
      char c = structure.charAt(i);
      if (c >= '0' && c <= '9') {
        count = count * 10 + (c - '0');
      } else {
        kinds.append(String.valueOf(c).repeat(count));
        count = 0;
      }
    }
    return kinds.toString();
  }

  private static boolean bbanMatches(String structure, CharSequence bban) {
    String kinds = expand(structure);
    if (bban.length() != kinds.length()) {
      return false;
    }
    for (int i = 0; i < kinds.length(); i++) {
      if (!isOfKind(bban.charAt(i), kinds.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOfKind(char c, char kind) {
    boolean digit = c >= '0' && c <= '9';
    boolean upper = c >= 'A' && c <= 'Z';
    return switch (kind) {
      case 'n' -> digit;
      case 'a' -> upper;
      default -> digit || upper;
    };
  }
}
