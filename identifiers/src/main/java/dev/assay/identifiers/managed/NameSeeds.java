package dev.assay.identifiers.managed;

import dev.assay.identifiers.Seeds;
import java.util.Arrays;

/**
 * Where {@code NAME}'s pattern can match: runs of capitalised words, the first with a lower-case
 * letter or an apostrophe after its capital, the next ones after a single space. Each region is a
 * whole run plus one char on either side, so that a search inside it finds what a search of the
 * whole text finds there. A hand-written scan because NAME needs no keyword and no literal would
 * narrow it: one pass over the chars instead of a regex over the whole text. Stateless.
 */
final class NameSeeds implements Seeds {

  static final NameSeeds INSTANCE = new NameSeeds();

  private NameSeeds() {}

  @Override
  public int[] regions(CharSequence text) {
    int length = text.length();
    int[] out = new int[16];
    int n = 0;
    int i = 0;
    while (i < length) {
      char ch = text.charAt(i);
      if (ch < 0x80 && (ch < 'A' || ch > 'Z')) { // the common case, decided without code points
        i++;
        continue;
      }
      if (ch < 0x80 && i + 1 < length && text.charAt(i + 1) < 0x80 && !isLower(text.charAt(i + 1)) && text.charAt(i + 1) != '\'') {
        i++; // an ASCII capital not followed by a lower-case letter: "INFO", "12:00Z"
        continue;
      }
      int c = Character.codePointAt(text, i);
      int next = i + Character.charCount(c);
      if (!isUpper(c) || next >= length) {
        i = next;
        continue;
      }
      int second = Character.codePointAt(text, next);
      if (!(isLower(second) || second == '\'' || second == '’')) {
        i = next;
        continue;
      }
      // The first word: [\p{L}'’-]* and an optional dot.
      int j = skip(text, next + Character.charCount(second), false);
      if (j < length && text.charAt(j) == '.') {
        j++;
      }
      // Then " \p{Lu}[\p{L}'’.-]*", once or more.
      int end = j;
      while (end + 1 < length && text.charAt(end) == ' ' && isUpper(Character.codePointAt(text, end + 1))) {
        int upper = Character.codePointAt(text, end + 1);
        end = skip(text, end + 1 + Character.charCount(upper), true);
      }
      if (end > j) {
        int start = Math.max(0, i - 1);
        if (n > 0 && start <= out[n - 1]) {
          out[n - 1] = Math.min(length, end + 1);
        } else {
          if (n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[n++] = start;
          out[n++] = Math.min(length, end + 1);
        }
        i = end;
      } else {
        i = j;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The end of a run of letters, apostrophes and hyphens (and dots, when {@code dots}) from {@code from}. */
  private static int skip(CharSequence text, int from, boolean dots) {
    int i = from;
    while (i < text.length()) {
      int c = Character.codePointAt(text, i);
      if (!(Character.isLetter(c) || c == '\'' || c == '’' || c == '-' || (dots && c == '.'))) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  // Wider than \p{Lu} and \p{Ll} (they include the Other_Uppercase and Other_Lowercase letters):
  // seeds may find too much, never too little.
  private static boolean isUpper(int c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : Character.isUpperCase(c) || Character.isTitleCase(c);
  }

  private static boolean isLower(int c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') : Character.isLowerCase(c);
  }
}
