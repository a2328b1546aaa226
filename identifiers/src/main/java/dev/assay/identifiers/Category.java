package dev.assay.identifiers;

/**
 * The category of sensitive data an identifier reports, as Macie's {@code
 * SensitiveDataItemCategory} names it. Managed identifiers are credentials, financial or personal
 * information (PII and PHI are both personal); every custom data identifier is {@link
 * #CUSTOM_IDENTIFIER}.
 */
public enum Category {
  CREDENTIALS,
  FINANCIAL_INFORMATION,
  PERSONAL_INFORMATION,
  CUSTOM_IDENTIFIER
}
