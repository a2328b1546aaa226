package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityProfile;
import dev.assay.identifiers.Validator;
import dev.assay.identifiers.detect.Seeds;
import dev.assay.identifiers.validate.CardExpirationDates;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.Iban;
import dev.assay.identifiers.validate.MagneticStripes;
import dev.assay.identifiers.validate.PaymentCards;
import java.util.List;

/**
 * Managed identifiers for financial information ("Managed data identifiers for financial
 * information").
 */
final class FinancialIdentifiers {
  private FinancialIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(
        creditCardExpiration(),
        creditCardMagneticStripe(),
        creditCardNumber(),
        creditCardNumberNoKeyword(),
        creditCardSecurityCode());
  }

  static final List<String> CARD_KEYWORDS =
      List.of(
          "account number",
          "american express",
          "amex",
          "bank card",
          "c card",
          "card",
          "cc #",
          "ccn",
          "check card",
          "cred card",
          "credit",
          "credit card",
          "credit cards",
          "credit no",
          "credit num",
          "dankort",
          "debit",
          "debit card",
          "debit no",
          "debit num",
          "diners club",
          "discover",
          "electron",
          "japanese card bureau",
          "jcb",
          "mastercard",
          "mc",
          "pan",
          "payment account number",
          "payment card number",
          "pcn",
          "pmnt #",
          "pmnt card",
          "pmnt no",
          "pmnt number",
          "union pay",
          "visa");

  /**
   * 13 to 19 digits, unbroken or grouped with spaces or hyphens as issuers print them (4-4-4-4,
   * 4-4-4-4-3, 4-6-5 for Amex, 4-6-4 for Diners Club).
   */
  private static final String CARD_REGEX =
      "\\b(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){2}[ -]\\d{1,4}|\\d{4}(?:[ -]\\d{4}){3}[ -]\\d{3}|\\d{4}[ -]\\d{6}[ -]\\d{4,5})\\b";

  /** Card numbers need 13 or more digits, with at most single spaces or hyphens between them. */
  private static final Seeds CARD_SEEDS = Seeds.digitRuns(13, " -");

  /**
   * Shared by both card identifiers, so that the scanner runs their pattern once. A number that
   * continues a digit group across one space, or that lies inside a valid IBAN, is part of
   * something longer, not a card number.
   */
  private static final Validator CARD_VALIDATOR =
      (text, start, end) ->
          Digits.standsAlone(text, start, end)
              && !Digits.joinedBefore(text, start)
              && PaymentCards.isReportable(text.subSequence(start, end))
              && !Iban.encloses(text, start, end);

  static ManagedDataIdentifier creditCardNumber() {
    return ManagedDataIdentifier.builder("CREDIT_CARD_NUMBER", Category.FINANCIAL_INFORMATION)
        .regex(CARD_REGEX)
        .requiredKeywords(CARD_KEYWORDS.toArray(String[]::new))
        .validator(CARD_VALIDATOR)
        .seeds(CARD_SEEDS)
        .recommended()
        .positive(
            "Visa card: 4556 7375 8689 9855 exp 09/27",
            "credit card number 5425-2334-3010-9903",
            "amex 3796 000002 00006, expires 11/28",
            "customer paid by mastercard 2223000048410010")
        .negative(
            "visa 4111 1111 1111 1111 (the documentation test card)",
            "card 4556 7375 8689 9856 has a bad check digit",
            "order 4556737586899855 shipped on Monday",
            "card 1234 5678 9012 3456",
            "card 4556-7375 8689-9855 mixes separators",
            "card payment to IBAN DE89 4556 7375 8689 9855 00 (a group of the IBAN, not a card)",
            "card payment to IBAN VG80 JXYA 4213 1880 7853 3120")
        .build();
  }

  static ManagedDataIdentifier creditCardNumberNoKeyword() {
    return ManagedDataIdentifier.builder(
            "CREDIT_CARD_NUMBER_(NO_KEYWORD)", Category.FINANCIAL_INFORMATION)
        .regex(CARD_REGEX)
        .forbiddenKeywords(CARD_KEYWORDS)
        .validator(CARD_VALIDATOR)
        .seeds(CARD_SEEDS)
        .positive(
            "order 4556737586899855 shipped on Monday",
            "row 12: 5425-2334-3010-9903, 2024-01-03, shipped")
        .negative(
            "Visa card: 4556 7375 8689 9855 exp 09/27",
            "order 4111111111111111 shipped",
            "order 4556737586899856 shipped",
            "tracking 12345678901234567")
        .build();
  }

  private static final String MONTH = "(?:0?[1-9]|1[0-2])";
  private static final String YEAR = "(?:(?:19|20)\\d{2}|\\d{2})";
  private static final String MONTH_NAME =
      "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

  /**
   * Macie: "most date formats: all-digit or digits+month names; separators / - or keywords". Full
   * dates come first so that a day-month-year date is taken whole, not as its month and year; a
   * bare year or month is left to {@link CardExpirationDates} to accept only after an {@code
   * expY}/{@code expM} field name.
   */
  private static final String EXPIRATION_REGEX =
      "\\b(?:(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
          + "|\\d{1,2}[/-]\\d{1,2}[/-](?:19|20)\\d{2}"
          + "|"
          + MONTH
          + "[/-]"
          + YEAR
          + "|(?:19|20)\\d{2}[/-]"
          + MONTH
          + "|"
          + MONTH_NAME
          + "[ /-]?"
          + YEAR
          + "|"
          + YEAR
          + "[ /-]"
          + MONTH_NAME
          + "|(?:19|20)\\d{2}|"
          + MONTH
          + ")\\b";

  static ManagedDataIdentifier creditCardExpiration() {
    return ManagedDataIdentifier.builder("CREDIT_CARD_EXPIRATION", Category.FINANCIAL_INFORMATION)
        .regex(EXPIRATION_REGEX)
        .requiredKeywords("exp d", "exp m", "exp y", "expiration", "expiry")
        .validator(CardExpirationDates::accepts)
        // Macie's severity table: credit card expiration date Low / Medium / High.
        .severity(new SeverityProfile(Severity.LOW, Severity.MEDIUM, Severity.HIGH))
        .positive(
            "Card expiry: 02/26",
            "expiration date 02/2026, billing zip on file",
            "expiry Feb 2026",
            "token=tok_18f2 expY=2026 expM=02 status=ok",
            "{\"expiration\": \"2027-11\"}")
        .negative(
            "exp 09/27",
            "expiry 2 weeks after delivery",
            "the expiration policy, which is described in the long document below, applies from 02/26",
            "expiry 13/26",
            "order 02/26 shipped")
        .build();
  }

  static ManagedDataIdentifier creditCardMagneticStripe() {
    return ManagedDataIdentifier.builder(
            "CREDIT_CARD_MAGNETIC_STRIPE", Category.FINANCIAL_INFORMATION)
        // ISO/IEC 7813 track 1 (format code B, PAN, name, expiry YYMM, service code, discretionary
        // data) and track 2 (PAN, '=', expiry, service code, discretionary data); the sentinels
        // (% or ; and ?) are optional, as stored track data often drops them.
        .regex(
            "(?:%?B\\d{13,19}\\^[A-Z0-9 /.'-]{2,26}\\^\\d{7}\\d{0,50}\\??"
                + "|;?\\d{13,19}=\\d{7}\\d{0,30}\\??)")
        .requiredKeywords("card data", "iso7813", "mag", "magstripe", "stripe", "swipe")
        .validator(
            (text, start, end) ->
                !Digits.joinedBefore(text, start)
                    && !Digits.joinedAfter(text, end)
                    && MagneticStripes.isValidTrack(text.subSequence(start, end)))
        .recommended()
        .positive(
            "swipe captured %B4556737586899855^DOE/JANE^27091010000000000000?",
            "magstripe track2 ;4556737586899855=27091010000000000?")
        .negative(
            "swipe captured %B4556737586899856^DOE/JANE^27091010000000000000?",
            "swipe captured ;4556737586899855=27131010000000000?",
            "record %B4556737586899855^DOE/JANE^27091010000000000000? imported")
        .build();
  }

  static ManagedDataIdentifier creditCardSecurityCode() {
    return ManagedDataIdentifier.builder(
            "CREDIT_CARD_SECURITY_CODE", Category.FINANCIAL_INFORMATION)
        // Three digits (four on American Express cards), standing apart: not a group of a card
        // number or a part of a date.
        .regex("\\b\\d{3,4}\\b")
        .requiredKeywords(
            "card id",
            "card identification code",
            "card identification number",
            "card security code",
            "card validation code",
            "card validation number",
            "card verification data",
            "card verification value",
            "cvc",
            "cvc2",
            "cvv",
            "cvv2",
            "elo verification code")
        .validator(Digits::standsApart)
        // Macie's severity table: credit card verification code Medium / High / High.
        .severity(new SeverityProfile(Severity.MEDIUM, Severity.HIGH, Severity.HIGH))
        .positive("CVV: 123", "card_number=4556737586899855&cvc=0481", "{\"cvv2\": \"907\"}")
        .negative(
            "cvv 12",
            "card 4556 7375 8689 9855 cvv on the back",
            "CVV required. The order total, shown much further down the receipt, is 4500",
            "order 123 shipped")
        .build();
  }
}
