package dev.assay.engine.triage;

/**
 * Macie's sensitive data finding types with the title and description Macie gives each (Macie User
 * Guide, "Types of Macie findings"; the credentials wording is not documented and is ours).
 */
public enum FindingType {
  CREDENTIALS(
      "SensitiveData:S3Object/Credentials",
      "The S3 object contains credentials data.",
      "The S3 object contains credentials data, such as AWS secret access keys or private keys."),
  FINANCIAL(
      "SensitiveData:S3Object/Financial",
      "The S3 object contains financial information.",
      "The S3 object contains financial information such as bank account numbers or credit card numbers."),
  PERSONAL(
      "SensitiveData:S3Object/Personal",
      "The S3 object contains personal information.",
      "The object contains personal information such as first or last names, addresses, or identification numbers."),
  CUSTOM_IDENTIFIER(
      "SensitiveData:S3Object/CustomIdentifier",
      "The S3 object contains text that matches custom data identifier criteria",
      "The S3 object contains text that matches the criteria of one or more custom data identifiers. The object might contain multiple types of sensitive data."),
  MULTIPLE(
      "SensitiveData:S3Object/Multiple",
      "The S3 object contains multiple categories of sensitive data",
      "The S3 object contains more than one category of sensitive data.");

  private final String type;
  private final String title;
  private final String description;

  FindingType(String type, String title, String description) {
    this.type = type;
    this.title = title;
    this.description = description;
  }

  /** The {@code type} value, such as {@code SensitiveData:S3Object/Personal}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** The type whose {@link #type()} is {@code value}, or null. */
  public static FindingType of(String value) {
    for (FindingType t : values()) {
      if (t.type.equals(value)) {
        return t;
      }
    }
    return null;
  }
}
