package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.PaymentCards;
import dev.assay.identifiers.Validator;
import java.util.List;

/** Managed identifiers for financial information ("Managed data identifiers for financial information"). */
final class FinancialIdentifiers {
  private FinancialIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(creditCardNumber(), creditCardNumberNoKeyword());
  }

  static final List<String> CARD_KEYWORDS =
      List.of(
          "account number", "american express", "amex", "bank card", "c card", "card", "cc #", "ccn",
          "check card", "cred card", "credit", "credit card", "credit cards", "credit no", "credit num",
          "dankort", "debit", "debit card", "debit no", "debit num", "diners club", "discover",
          "electron", "japanese card bureau", "jcb", "mastercard", "mc", "pan", "payment account number",
          "payment card number", "pcn", "pmnt #", "pmnt card", "pmnt no", "pmnt number", "union pay",
          "visa");

  /**
   * 13 to 19 digits, unbroken or grouped with spaces or hyphens as issuers print them (4-4-4-4,
   * 4-4-4-4-3, 4-6-5 for Amex, 4-6-4 for Diners Club).
   */
  private static final String CARD_REGEX =
      "\\b(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){2}[ -]\\d{1,4}|\\d{4}(?:[ -]\\d{4}){3}[ -]\\d{3}|\\d{4}[ -]\\d{6}[ -]\\d{4,5})\\b";

  /**
   * Shared by both card identifiers, so that the scanner runs their pattern once. A number that
   * continues a digit group across one space (as the groups of a printed IBAN do) is part of
   * something longer, not a card number.
   */
  private static final Validator CARD_VALIDATOR =
      (text, start, end) ->
          Digits.standsAlone(text, start, end)
              && !Digits.joinedBefore(text, start)
              && PaymentCards.isReportable(text.subSequence(start, end));

  static ManagedDataIdentifier creditCardNumber() {
    return ManagedDataIdentifier.builder("CREDIT_CARD_NUMBER", Category.FINANCIAL_INFORMATION)
        .regex(CARD_REGEX)
        .requiredKeywords(CARD_KEYWORDS.toArray(String[]::new))
        .validator(CARD_VALIDATOR)
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
            "card payment to IBAN DE89 4556 7375 8689 9855 00 (a group of the IBAN, not a card)")
        .build();
  }

  static ManagedDataIdentifier creditCardNumberNoKeyword() {
    return ManagedDataIdentifier.builder("CREDIT_CARD_NUMBER_(NO_KEYWORD)", Category.FINANCIAL_INFORMATION)
        .regex(CARD_REGEX)
        .forbiddenKeywords(CARD_KEYWORDS)
        .validator(CARD_VALIDATOR)
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
}
