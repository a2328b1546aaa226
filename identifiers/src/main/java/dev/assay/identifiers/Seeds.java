package dev.assay.identifiers;

import java.util.Arrays;

/**
 * A cheap scan that finds where an identifier's pattern can possibly match, so that the regex runs
 * only there instead of over the whole text: a prefilter for patterns that need no keyword and have
 * no literal anchor (card numbers, for example, need a run of digits). Seeds may find too much,
 * never too little: every match of the pattern must lie inside a returned region.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface Seeds {

  /**
   * The regions of {@code text} that may hold a match, as sorted, disjoint {@code [start, end)}
   * pairs in one array {@code [s0, e0, s1, e1, ...]} (UTF-16 char offsets).
   */
  int[] regions(CharSequence text);

  /**
   * Runs of at least {@code minDigits} ASCII digits, where single separators from {@code
   * separators} may stand between digits (as in {@code 4556 7375 8689 9855}). Each region extends
   * one char beyond the run on both sides, so that word-boundary assertions see their context.
   */
  static Seeds digitRuns(int minDigits, String separators) {
    return text -> {
      int[] out = new int[16];
      int n = 0;
      int length = text.length();
      int i = 0;
      while (i < length) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          i++;
          continue;
        }
        int start = i;
        int digits = 0;
        int end = i;
        while (i < length) {
          char d = text.charAt(i);
          if (d >= '0' && d <= '9') {
            digits++;
            i++;
            end = i;
          } else if (separators.indexOf(d) >= 0 && i + 1 < length && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9') {
            i++;
          } else {
            break;
          }
        }
        if (digits >= minDigits) {
          if (n + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          int s = Math.max(0, start - 1);
          int e = Math.min(length, end + 1);
          if (n > 0 && s <= out[n - 1]) {
            out[n - 1] = e;
          } else {
            out[n++] = s;
            out[n++] = e;
          }
        }
        i++;
      }
      return Arrays.copyOf(out, n);
    };
  }
}
