package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.CanadaSocialInsuranceNumbers;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.PhoneNumbers;
import dev.assay.identifiers.validate.UsIndividualTaxpayerNumbers;
import dev.assay.identifiers.validate.UsSocialSecurityNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Managed identifiers for personally identifiable information ("Managed data identifiers for PII")
 * of the United States and Canada. Latin America is in {@link LatinAmericaPersonalIdentifiers},
 * Asia-Pacific in {@link AsiaPacificPersonalIdentifiers}, the identifiers for any country (names,
 * addresses, birth dates...) in {@link AnyCountryPersonalIdentifiers}, Europe in {@link
 * EuropePersonalIdentifiers}.
 *
 * <p>Where two of these share a shape (a driver's license of 9 digits, say) and both have a keyword
 * nearby, the detector's same-span rule picks one: the nearest keyword, then catalog order.
 */
final class PersonalIdentifiers {
  private PersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        usaSocialSecurityNumber(),
        usaIndividualTaxIdentificationNumber(),
        driversLicense(),
        canadaDriversLicense(),
        usaPassportNumber(),
        canadaPassportNumber(),
        canadaSocialInsuranceNumber(),
        canadaNationalIdentificationNumber(),
        phoneNumber());
  }

  private static ManagedDataIdentifier.Builder personal(String id) {
    return ManagedDataIdentifier.builder(id, Category.PERSONAL_INFORMATION);
  }

  static ManagedDataIdentifier usaSocialSecurityNumber() {
    return personal("USA_SOCIAL_SECURITY_NUMBER")
        // 123-45-6789, 123 45 6789 or 123456789; the SSA's issuing rules decide the rest.
        .regex("\\b(?:\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{9})\\b")
        .requiredKeywords("social security", "ss#", "ssn")
        .validator(StandaloneValue.number(UsSocialSecurityNumbers::isValid))
        .recommended()
        .positive(
            "Employee SSN: 512-23-4411",
            "social security number 512 23 4411 on file",
            "ssn=512234411",
            "512-23-4411 is the SSN we have for her")
        .negative(
            "SSN: 000-12-3456",
            "SSN: 666-12-3456",
            "SSN: 912-12-3456",
            "ssn 512-00-4411",
            "Order 512-23-4411 shipped",
            "the social security office is closed this week and the ticket number is 512-23-4411",
            "SSN 512-23-4411-7")
        .build();
  }

  static ManagedDataIdentifier usaIndividualTaxIdentificationNumber() {
    return personal("USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER")
        .regex("\\b9\\d{2}(?:-\\d{2}-|\\s\\d{2}\\s|\\d{2})\\d{4}\\b")
        .requiredKeywords("i.t.i.n.", "individual taxpayer identification number", "itin")
        .validator(StandaloneValue.number(UsIndividualTaxpayerNumbers::isValid))
        .recommended()
        .positive("ITIN: 909-96-2274", "individual taxpayer identification number 979907289")
        .negative("ITIN: 909-69-2274", "ITIN 000-00-0000", "invoice 909-96-2274")
        .build();
  }

  /** Driver's license keywords Macie lists for the US and Canada identifiers alike. */
  private static final List<String> DRIVERS_LICENSE_KEYWORDS =
      List.of(
          "dl#",
          "dl:",
          "dlno#",
          "driver licence",
          "driver licences",
          "driver license",
          "driver licenses",
          "driver permit",
          "drivers lic.",
          "drivers licence",
          "driver's licence",
          "drivers licences",
          "driver's licences",
          "drivers license",
          "driver's license",
          "drivers licenses",
          "driver's licenses",
          "drivers permit",
          "driver's permit",
          "drivers permit number",
          "driving licence",
          "driving license",
          "driving permit");

  static ManagedDataIdentifier driversLicense() {
    return personal("DRIVERS_LICENSE")
        // The common state formats: a letter and 7, 8 or 12 digits (CA, FL, MD, MI, MN...),
        // Florida's
        // printed groups, two letters and 6 digits, or 7 to 9 digits (NY, TX, PA...).
        .regex(
            "\\b(?:[A-Z]\\d{7,8}|[A-Z]\\d{12}|[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d|[A-Z]\\d{3}-\\d{4}-\\d{4}"
                + "|[A-Z]{2}\\d{6}|\\d{7,9}|\\d{3} \\d{3} \\d{3})\\b")
        .requiredKeywords(DRIVERS_LICENSE_KEYWORDS.toArray(String[]::new))
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .recommended()
        .positive("Driver's license: D4418203", "drivers license no. 473 129 906 (NY)")
        .negative(
            "Driver's license: 0000000",
            "member D4418203 joined",
            "driver's license A1234-12345-12345")
        .build();
  }

  static ManagedDataIdentifier canadaDriversLicense() {
    List<String> keywords = new ArrayList<>(DRIVERS_LICENSE_KEYWORDS);
    keywords.add("permis de conduire");
    return personal("CANADA_DRIVERS_LICENSE")
        // Ontario (a letter and 14 digits, 4-5-5), Quebec (a letter and 12 digits, 4-6-2), Alberta
        // (6-3 digits), Manitoba (letters in pairs, then a letter, 3 digits, 2 letters), Nova
        // Scotia
        // (5 letters, 9 digits).
        .regex(
            "\\b(?:[A-Z]\\d{4}-\\d{5}-\\d{5}|[A-Z]\\d{14}|[A-Z]\\d{4}-\\d{6}-\\d{2}|\\d{6}-\\d{3}"
                + "|[A-Z]{2}-[A-Z]{2}-[A-Z]{2}-[A-Z]\\d{3}[A-Z]{2}|[A-Z]{5}\\d{9})\\b")
        .requiredKeywords(keywords.toArray(String[]::new))
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .recommended()
        .positive(
            "Ontario driver's licence A1234-56789-01234", "permis de conduire : L5208-140376-09")
        .negative("driver's licence A0000-00000-00000", "account A1234-56789-01234")
        .build();
  }

  static ManagedDataIdentifier usaPassportNumber() {
    return personal("USA_PASSPORT_NUMBER")
        // 9 digits (older books) or a letter and 8 digits (Next Generation Passport, since 2021).
        .regex("\\b(?:[A-Z]\\d{8}|\\d{9})\\b")
        .requiredKeywords("passport", "travel document")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.MEDIUM_HIGH_HIGH)
        .recommended()
        .positive("US passport 578204693 expires 2031", "passport no. A41862093")
        .negative("passport 000000000", "booking 578204693 confirmed")
        .build();
  }

  static ManagedDataIdentifier canadaPassportNumber() {
    return personal("CANADA_PASSPORT_NUMBER")
        .regex("\\b[A-Z]{2}\\d{6}\\b")
        .requiredKeywords(
            "passeport", "passeport#", "passport", "passport#", "passportno", "passportno#")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .severity(Severities.MEDIUM_HIGH_HIGH)
        .recommended()
        .positive("Canadian passport GK482915", "passeport : HB310774")
        .negative("passport GK000000", "flight GK482915 boarding")
        .build();
  }

  static ManagedDataIdentifier canadaSocialInsuranceNumber() {
    return personal("CANADA_SOCIAL_INSURANCE_NUMBER")
        .regex("\\b\\d{3}(?:-\\d{3}-|\\s\\d{3}\\s|\\d{3})\\d{3}\\b")
        .requiredKeywords(
            "canadian id", "numéro d'assurance sociale", "sin", "social insurance number")
        .validator(StandaloneValue.number(CanadaSocialInsuranceNumbers::isValid))
        .recommended()
        .positive("SIN: 558 073 029", "social insurance number 257-368-191")
        .negative("SIN: 558 073 028", "SIN 046 454 286 0", "ticket 558 073 029")
        .build();
  }

  static ManagedDataIdentifier canadaNationalIdentificationNumber() {
    return personal("CANADA_NATIONAL_IDENTIFICATION_NUMBER")
        // The permanent resident card's document number (2 letters, 7 digits) and the client
        // identifier (UCI) printed on it (8 digits as 4-4, or 10 digits as 2-4-4).
        .regex("\\b(?:[A-Z]{2}\\d{7}|\\d{4}-\\d{4}|\\d{2}-\\d{4}-\\d{4})\\b")
        .requiredKeywords(
            "carte résident permanent",
            "numéro carte résident permanent",
            "numéro résident permanent",
            "permanent resident card",
            "permanent resident card number",
            "permanent resident no",
            "permanent resident no.",
            "permanent resident number",
            "pr no",
            "pr no.",
            "pr non",
            "pr number",
            "résident permanent no.",
            "résident permanent non")
        .validator(StandaloneValue.code(v -> !Digits.allSame(Digits.only(v))))
        .positive("Permanent resident card number PA0318274", "PR number: 11-2233-4455")
        .negative("PR number: PA0000000", "order PA0318274 shipped")
        .build();
  }

  /**
   * Whether the number is not the national part of another country's number: no {@code +CC} or
   * {@code 00CC} country code (other than 1) stands right before it, as in {@code +39 3471234567}.
   */
  private static boolean noOtherCountryCode(CharSequence text, int start, int end) {
    if (text.charAt(start) == '+'
        || (end - start > 3 && text.subSequence(start, start + 3).toString().equals("001"))) {
      return true; // the match carries its own (North American) country code
    }
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '-' || text.charAt(i) == '.')) {
      i--;
    }
    int digitsEnd = i;
    while (i >= 0 && Character.isDigit(text.charAt(i))) {
      i--;
    }
    int digits = digitsEnd - i;
    if (digits < 1 || digits > 4 || i < 0) {
      return true;
    }
    boolean plus = text.charAt(i) == '+';
    boolean doubleZero = digits >= 3 && text.charAt(i + 1) == '0' && text.charAt(i + 2) == '0';
    String code = text.subSequence(i + 1, digitsEnd + 1).toString();
    return !((plus && !code.equals("1")) || (doubleZero && !code.equals("001")));
  }

  static ManagedDataIdentifier phoneNumber() {
    return personal("PHONE_NUMBER")
        // North American numbers: (206) 555-0143, 206-555-0143, 206.555.0143, +1 206 555 0143,
        // 001-206-555-0143, 1-800-555-0199, or 10 unbroken digits (+1 and 10 digits in E.164);
        // an extension (x123, ext. 123) belongs to the number.
        .regex(
            "(?:(?:\\+1[ .-]?|\\b001[ .-]?|\\b1[ .-])?(?:\\(\\d{3}\\) ?|\\b\\d{3}[ .-])\\d{3}[ .-]\\d{4}"
                + "|\\+1\\d{10}|\\b\\d{10})(?: ?(?:x|ext\\.?) ?\\d{1,5})?\\b")
        // Macie: with a keyword nearby the country code is optional; without one it is required.
        .keywordsUnlessQualified(
            Validator.ofValue(PhoneNumbers::hasNorthAmericanCountryCode),
            "cell",
            "contact",
            "fax",
            "fax number",
            "mobile",
            "phone",
            "phone number",
            "tel",
            "telephone",
            "telephone number")
        .seeds(PhoneSeeds.northAmerica())
        .validator(
            StandaloneValue.number(PhoneNumbers::isNorthAmerican)
                .and(PersonalIdentifiers::noOtherCountryCode))
        .severity(Severities.LOW_MEDIUM_HIGH)
        .positive(
            "Call me at +1 206 374 0143 tomorrow", "phone: (312) 448-2291", "Tel 604-873-2210")
        .negative(
            "call 206-374-0143 tomorrow",
            "phone: (112) 448-2291",
            "phone 206-374-0143-22",
            "phone +39 3471234567")
        .build();
  }
}
