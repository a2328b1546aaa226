package dev.assay.identifiers.managed;

import dev.assay.identifiers.Category;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.validate.Digits;
import dev.assay.identifiers.validate.UsSocialSecurityNumbers;
import java.util.List;

/**
 * Managed identifiers for personally identifiable information ("Managed data identifiers for PII")
 * that are not specific to a European country: the Americas, Asia-Pacific, and those for any
 * country (names, addresses, birth dates, phone numbers...). Europe is in {@link
 * EuropePersonalIdentifiers}.
 */
final class PersonalIdentifiers {
  private PersonalIdentifiers() {}

  /** This family's identifiers, in catalog order. */
  static List<ManagedDataIdentifier> all() {
    return List.of(usaSocialSecurityNumber());
  }

  static ManagedDataIdentifier usaSocialSecurityNumber() {
    return ManagedDataIdentifier.builder("USA_SOCIAL_SECURITY_NUMBER", Category.PERSONAL_INFORMATION)
        // 123-45-6789, 123 45 6789 or 123456789; the SSA's issuing rules decide the rest.
        .regex("\\b(?:\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{9})\\b")
        .requiredKeywords("social security", "ss#", "ssn")
        .validator(
            (text, start, end) ->
                Digits.standsAlone(text, start, end) && UsSocialSecurityNumbers.isValid(text.subSequence(start, end)))
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
}
