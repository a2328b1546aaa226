package dev.assay.identifiers.managed;

import dev.assay.identifiers.detect.Seeds;
import java.util.Arrays;

/**
 * Where {@code NAME}'s pattern can match: runs of capitalised words, the first with a lower-case
 * letter or an apostrophe after its capital, the next ones after a single space. Each region is a
 * whole run plus one char on either side, so that a search inside it finds what a search of the
 * whole text finds there. NAME needs no keyword and no literal would narrow it, so instead of a
 * regex over the whole text its trigger is an automaton the detector runs in its keyword pass: it
 * fires at the capital that starts a run's second word (after a first word of the pattern's shape
 * and one space), and only there are the words read. In log lines, where every {@code "00Z INFO"}
 * has a capital after a space, it does not fire. Stateless.
 */
final class NameSeeds implements Seeds.Triggered {

  static final NameSeeds INSTANCE = new NameSeeds();

  // Char classes of the automaton.
  private static final int OTHER = 0;
  private static final int CAPITAL = 1;
  private static final int SECOND =
      2; // may follow a first word's capital: a lower-case letter, ' or ’
  private static final int LETTER = 3; // any other letter, or a hyphen: continues a word
  private static final int DOT = 4;
  private static final int SPACE = 5;
  private static final int SURROGATE = 6; // half of a letter of any case, for all we know

  // States: 0 nothing; 1 a capital (a first word may start there); 2 in a first word (a capital
  // and a SECOND char, then letters, ' ’ and -, as the pattern's first word); 3 that word and a
  // dot; 4 then a space; 5 (fires) a capital after that space, which may also start a first word.
  // Within a first word a capital continues it, and a surrogate is whatever lets the automaton
  // go on (seeds may find too much, never too little).
  private static final int[][] NEXT = {
    // OTHER CAPITAL SECOND LETTER DOT SPACE SURROGATE
    {0, 1, 0, 0, 0, 0, 1}, // 0
    {0, 1, 2, 0, 0, 0, 2}, // 1
    {0, 2, 2, 2, 3, 4, 2}, // 2
    {0, 1, 0, 0, 0, 4, 1}, // 3
    {0, 5, 0, 0, 0, 0, 5}, // 4
    {0, 1, 2, 0, 0, 0, 2}, // 5, as 1
  };

  private NameSeeds() {}

  @Override
  public int states() {
    return NEXT.length;
  }

  @Override
  public int classes() {
    return 7;
  }

  @Override
  public int classOf(char c) {
    if (c == ' ') {
      return SPACE;
    }
    if (c == '.') {
      return DOT;
    }
    if (Character.isSurrogate(c)) {
      return SURROGATE;
    }
    if (isUpper(c)) {
      return CAPITAL;
    }
    if (isLower(c) || c == '\'' || c == '’') {
      return SECOND;
    }
    return Character.isLetter(c) || c == '-' ? LETTER : OTHER;
  }

  @Override
  public int next(int state, int cls) {
    return NEXT[state][cls];
  }

  @Override
  public boolean fires(int state) {
    return state == 5;
  }

  /**
   * Whether {@code c} may be part of a first word, its capital included: a capital that is not a
   * letter (Ⓐ) can start one.
   */
  private static boolean inWord(char c) {
    return Character.isLetter(c)
        || c == '\''
        || c == '’'
        || c == '-'
        || c == '.'
        || isUpper(c)
        || Character.isSurrogate(c);
  }

  @Override
  public int[] regionsAt(CharSequence text, int[] fired, int count) {
    Regions out = new Regions();
    int done = 0;
    for (int k = 0; k < count; k++) {
      int f = fired[k];
      if (f < done) {
        continue;
      }
      // From the start of the word before the space: the scan below then sees what a scan of
      // the whole text sees from there (a run of words never crosses a char that is not a word
      // char).
      int p = f - 2;
      while (p > 0 && inWord(text.charAt(p - 1))) {
        p--;
      }
      done = Math.max(done, scan(text, Math.max(p, done), f, out));
    }
    return out.toArray();
  }

  /** A scan of its own, of the whole text. */
  @Override
  public int[] regions(CharSequence text) {
    Regions out = new Regions();
    scan(text, 0, Integer.MAX_VALUE, out);
    return out.toArray();
  }

  /** Regions as found, in order; {@link Seeds#merge} then joins those that touch. */
  private static final class Regions {
    long[] spans = new long[16];
    int n;

    void add(int start, int end) {
      if (n == spans.length) {
        spans = Arrays.copyOf(spans, n * 2);
      }
      spans[n++] = ((long) start << 32) | end;
    }

    int[] toArray() {
      return Seeds.merge(spans, n);
    }
  }

  /**
   * Finds the runs of capitalised words that start in {@code text[from, until]} (a run found there
   * is followed to its end), as a scan of the whole text would; returns where it stopped.
   */
  private static int scan(CharSequence text, int from, int until, Regions out) {
    int length = text.length();
    int i = from;
    while (i < length && i <= until) {
      char ch = text.charAt(i);
      if (ch < 0x80 && (ch < 'A' || ch > 'Z')) { // the common case, decided without code points
        i++;
        continue;
      }
      if (ch < 0x80
          && i + 1 < length
          && text.charAt(i + 1) < 0x80
          && !isLower(text.charAt(i + 1))
          && text.charAt(i + 1) != '\'') {
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
      while (end + 1 < length
          && text.charAt(end) == ' '
          && isUpper(Character.codePointAt(text, end + 1))) {
        int upper = Character.codePointAt(text, end + 1);
        end = skip(text, end + 1 + Character.charCount(upper), true);
      }
      if (end > j) {
        out.add(Math.max(0, i - 1), Math.min(length, end + 1));
        i = end;
      } else {
        i = j;
      }
    }
    return i;
  }

  /**
   * The end of a run of letters, apostrophes and hyphens (and dots, when {@code dots}) from {@code
   * from}.
   */
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
