package dev.assay.identifiers.detect;

/**
 * What one literal of the keyword pass means: a keyword of some entries (identifiers, by number),
 * an anchor of others, a literal seed of others; and whether, found in a text, it stands there as a
 * whole word, as Macie matches keywords. Filled in while a detector is built, then only read.
 */
final class LiteralUse {
  final String keyword; // the keyword as defined (before variants), for explanations
  int[] keywordOf = new int[0];
  int[] anchorOf = new int[0];
  // Literal seeds (Seeds.Around) this literal is, case aside: of which entry, as written, and
  // whether it must start a word.
  int[] seedOf = new int[0];
  String[] seedText = new String[0];
  boolean[] seedStartsWord = new boolean[0];
  boolean alnumFirst;
  boolean alnumLast;

  LiteralUse(String keyword) {
    this.keyword = keyword;
  }

  /**
   * Whether this literal, found at {@code [start, end)}, stands as a whole word: at each edge where
   * the keyword has a letter or digit, the neighbouring char must not continue the word. A change
   * from letter to digit, or from lower to upper case (camelCase), also ends a word, so that {@code
   * customerSsn} and {@code SSN123} contain the keyword {@code ssn}.
   */
  boolean isWholeWordAt(CharSequence text, int start, int end) {
    if (alnumFirst && start > 0 && continuesWord(text.charAt(start - 1), text.charAt(start))) {
      return false;
    }
    return !(alnumLast
        && end < text.length()
        && continuesWord(text.charAt(end - 1), text.charAt(end)));
  }

  /**
   * Whether {@code after} continues the word that {@code before}, the char just before it, is in.
   */
  static boolean continuesWord(char before, char after) {
    if (Character.isLetter(before) && Character.isLetter(after)) {
      return !(Character.isLowerCase(before) && Character.isUpperCase(after));
    }
    return Character.isDigit(before) && Character.isDigit(after);
  }
}
