package dev.assay.identifiers.managed;

import dev.assay.identifiers.Validator;
import dev.assay.identifiers.validate.Digits;
import java.util.function.Predicate;

/**
 * Validators for values that must stand alone: a number not glued to more digits (as in {@code
 * 123-45-6789-1}), a code not glued to more letters or digits. Most managed identifiers need this
 * on top of their own rule, so that a part of a longer number is never reported.
 */
final class StandaloneValue {
  private StandaloneValue() {}

  /** A number that stands alone and whose text passes {@code rule}. */
  static Validator number(Predicate<CharSequence> rule) {
    return (text, start, end) ->
        Digits.standsAlone(text, start, end) && rule.test(text.subSequence(start, end));
  }

  /**
   * An alphanumeric code that stands alone (no letter, digit, or joiner followed by one, on either
   * side) and whose text passes {@code rule}.
   */
  static Validator code(Predicate<CharSequence> rule) {
    return (text, start, end) ->
        isolated(text, start, end) && rule.test(text.subSequence(start, end));
  }

  private static boolean isolated(CharSequence text, int start, int end) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before)) {
        return false;
      }
      if ((before == '-' || before == '/')
          && start > 1
          && Character.isLetterOrDigit(text.charAt(start - 2))) {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      if (Character.isLetterOrDigit(after)) {
        return false;
      }
      return !((after == '-' || after == '/')
          && end + 1 < text.length()
          && Character.isLetterOrDigit(text.charAt(end + 1)));
    }
    return true;
  }
}
