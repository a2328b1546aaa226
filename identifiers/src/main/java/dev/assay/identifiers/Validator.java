package dev.assay.identifiers;

import java.util.function.Predicate;

/**
 * Accepts or rejects a regular-expression match as an occurrence: a checksum, a structural rule,
 * the values Macie never reports. Validators see the surrounding text too, for rules such as "not
 * part of a longer number".
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface Validator {

  /** Accepts everything. */
  Validator NONE = (text, start, end) -> true;

  /**
   * @param text the text the match was found in
   * @param start the match's first char offset in {@code text}, 0-based
   * @param end the offset just past the match's last char
   * @return whether the match is an occurrence
   */
  boolean accepts(CharSequence text, int start, int end);

  /** A validator that looks only at the matched value. */
  static Validator ofValue(Predicate<String> valueRule) {
    return (text, start, end) -> valueRule.test(text.subSequence(start, end).toString());
  }

  default Validator and(Validator other) {
    return (text, start, end) -> accepts(text, start, end) && other.accepts(text, start, end);
  }
}
