package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityProfile;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.Digits;
import java.util.List;

/**
 * Phone numbers of France, Germany, Italy, Spain and the UK ("Managed data identifiers for PII",
 * phone number): with a keyword nearby the country code is optional, without one the number must
 * carry it (Macie's keyword table). Severity Low, Medium, High (Macie's severity table for managed
 * identifiers); none is in RECOMMENDED.
 *
 * <p>Numbers without a country code are told apart by each country's written conventions (ITU-T
 * E.164 national plans as the regulators publish them: ARCEP, BNetzA, AGCOM, CNMC, Ofcom): France
 * 10 digits in pairs, Germany an area code and a separator, Italy a separator after the area code
 * or a mobile 3xx, Spain 9 digits without a trunk 0, the UK 11 digits in its usual groupings. Where
 * a national form still fits two countries, the detector's same-span rule reports one.
 */
final class EuropePhoneNumbers {
  private EuropePhoneNumbers() {}

  /** Phone number: Low, Medium, High (Macie's severity table for managed identifiers). */
  static final SeverityProfile PHONE =
      new SeverityProfile(Severity.LOW, Severity.MEDIUM, Severity.HIGH);

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    // The UK before Germany: a UK mobile (07700 900123) also fits Germany's looser national form.
    return List.of(france(), uk(), germany(), italy(), spain());
  }

  private static final String[] KEYWORDS = {
    "cell",
    "contact",
    "fax",
    "fax number",
    "mobile",
    "phone",
    "phone number",
    "tel",
    "telephone",
    "telephone number"
  };

  /** The international prefix of {@code countryCode}, with the optional "(0)" some people write. */
  private static String international(String countryCode) {
    return "(?:\\+" + countryCode + " ?(?:\\(0\\) ?)?|00" + countryCode + " ?)";
  }

  /**
   * Whether a phone match stands alone: not glued to a letter, digit or "+" before it, and not
   * followed by a digit or by a separator and more digits (then it is part of a longer number).
   */
  static final Validator STANDS_ALONE =
      (text, start, end) -> {
        if (start > 0) {
          char before = text.charAt(start - 1);
          if (Character.isLetterOrDigit(before) || before == '+') {
            return false;
          }
          if ((before == '-' || before == '.' || before == '/')
              && start > 1
              && Character.isDigit(text.charAt(start - 2))) {
            return false;
          }
        }
        if (end < text.length()) {
          char after = text.charAt(end);
          if (Character.isLetterOrDigit(after)) {
            return false;
          }
          boolean separator = after == ' ' || after == '-' || after == '.' || after == '/';
          if (separator && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))) {
            return false;
          }
        }
        String digits = Digits.only(text.subSequence(start, end));
        // A placeholder such as 06 00 00 00 00: the subscriber digits all the same.
        return !Digits.allSame(digits.substring(Math.max(0, digits.length() - 7)));
      };

  /** Carries the international prefix of {@code countryCode}, so it counts without a keyword. */
  private static Validator hasCountryCode(String countryCode) {
    return (text, start, end) -> {
      String value = text.subSequence(start, end).toString();
      return value.startsWith("+" + countryCode) || value.startsWith("00" + countryCode);
    };
  }

  private static ManagedDataIdentifier.Builder phone(String id, String countryCode, String regex) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION)
        .regex(regex)
        .keywordsUnlessQualified(hasCountryCode(countryCode), KEYWORDS)
        // A number counts without a keyword only when it begins with its country code.
        .seeds(PhoneSeeds.countryCode(countryCode))
        .validator(STANDS_ALONE)
        .severity(PHONE);
  }

  static ManagedDataIdentifier france() {
    // 0 and 9 digits, or +33 and 9 digits; written in pairs after the first digit.
    String pairs = "[1-9](?:\\d{8}|(?: \\d{2}){4}|(?:\\.\\d{2}){4}|(?:-\\d{2}){4})";
    return phone(
            "FRANCE_PHONE_NUMBER", "33", "(?:" + international("33") + "|\\b0)" + pairs + "\\b")
        .positive(
            "Tél. : +33 6 12 34 56 78", "contact: 01 42 68 53 00", "Appelez le 0033 1 42 68 53 00")
        .negative("Référence 01 42 68 53 00", "phone 01 42 68 53 00 12", "+33 6 12 34 56")
        .build();
  }

  static ManagedDataIdentifier germany() {
    // Area code (2-5 digits after the trunk 0) and subscriber number; nationally with a separator.
    String number = "[1-9]\\d{1,4}[ /-]?\\d{3,9}";
    String national = "\\b0[1-9]\\d{1,4}[ /-]\\d{3,9}";
    return phone(
            "GERMANY_PHONE_NUMBER",
            "49",
            "(?:" + international("49") + number + "|" + national + ")\\b")
        .positive("Tel.: +49 30 12345678", "Telefon: 089/1234567, phone", "mobile 0151 23456789")
        .negative("Kundennummer 030 12345678", "+49 30 12", "phone 030 1234 5678 90")
        .build();
  }

  static ManagedDataIdentifier italy() {
    // Landlines keep their leading 0 after +39; mobiles start with 3.
    String landline = "0[1-9]\\d{0,2}[ .-]?(?:\\d{3,4}[ .-]?\\d{3,4}|\\d{5,8})";
    String mobile = "3\\d{2}[ .-]?(?:\\d{3}[ .-]?\\d{3,4}|\\d{6,7})";
    String nationalLandline = "0[1-9]\\d{0,2}[ .-](?:\\d{3,4}[ .-]?\\d{3,4}|\\d{5,8})";
    return phone(
            "ITALY_PHONE_NUMBER",
            "39",
            "(?:"
                + international("39")
                + "(?:"
                + landline
                + "|"
                + mobile
                + ")|\\b(?:"
                + nationalLandline
                + "|"
                + mobile
                + "))\\b")
        .positive("Tel. +39 06 6982 1234", "mobile: 347 1234567", "telefono +39 3471234567")
        .negative("Ordine 347 123 4567", "phone 347 12", "codice 0039", "rif. 006 084 917")
        .build();
  }

  static ManagedDataIdentifier spain() {
    String nine =
        "[6789](?:\\d{8}|\\d{2}(?: \\d{3}){2}|\\d{2}(?: \\d{2}){3}|\\d(?: \\d{3})(?: \\d{2}){2})";
    return phone("SPAIN_PHONE_NUMBER", "34", "(?:" + international("34") + "|\\b)" + nine + "\\b")
        .positive("Teléfono +34 612 345 678", "phone: 91 123 45 67", "móvil (mobile) 612345678")
        .negative("Pedido 612 345 678", "+34 512 345 678", "phone 612 345 678 9")
        .build();
  }

  static ManagedDataIdentifier uk() {
    return phone(
            "UK_PHONE_NUMBER",
            "44",
            "(?:" + international("44") + "|\\b0)" + "[1-9]" + uk10() + "\\b")
        .positive("Tel: +44 20 7946 0958", "phone 07700 900123", "call +44 (0)7700 900123")
        .negative("Order 07700 900123", "phone 07700 9001", "+44 20 7946")
        .build();
  }

  /**
   * The ten significant digits after the trunk 0 or +44, in the UK's usual groupings (first digit
   * 1-9).
   */
  private static String uk10() {
    return "(?:\\d{9}|\\d (?:\\d{4} \\d{4})|\\d{2} \\d{3} \\d{4}|\\d{3} ?\\d{6}|\\d{3} \\d{3} \\d{3})";
  }
}
