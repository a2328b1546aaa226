package dev.assay.identifiers.detect;

/** Why a candidate match counted as an occurrence or not, in the order the rules apply. */
public enum Verdict {
  /** An occurrence: reported and counted. */
  COUNTED("counted"),
  /** The validator (checksum, structure, a value Macie never reports) rejected it. */
  INVALID("failed validation (checksum, structure, or a value Macie never reports)"),
  /** A keyword is required and none occurs in the text or its field names. */
  NO_KEYWORD("no keyword in the text or its field names"),
  /** A keyword precedes the match but further than the maximum match distance. */
  KEYWORD_TOO_FAR("nearest keyword is further than the maximum match distance"),
  /**
   * The only keywords nearby come after the match; a custom identifier's keyword must precede it.
   */
  KEYWORD_AFTER("keyword follows the match; it must precede it"),
  /** A keyword is near, and this identifier reports only values without one. */
  KEYWORD_PRESENT("a keyword is near; reported by the keyword variant instead"),
  /** The match contains one of the identifier's ignore words. */
  IGNORE_WORD("contains an ignore word"),
  /** An allow list covers the whole match. */
  ALLOW_LIST("suppressed by an allow list");

  private final String explanation;

  Verdict(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
