package dev.assay.identifiers;

/**
 * An identifier or allow-list definition breaks one of Macie's rules. {@link #field()} names the
 * request member at fault (for example {@code regex} or {@code keywords[3]}), so that a caller can
 * report the file and the field.
 */
public final class DefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public DefinitionException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request member at fault, such as {@code maximumMatchDistance}. */
  public String field() {
    return field;
  }

  /** A new exception whose field is {@code prefix} + "." + this field, for nested members. */
  public DefinitionException within(String prefix) {
    return new DefinitionException(prefix + "." + field, getMessage());
  }
}
