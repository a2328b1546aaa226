package dev.assay.identifiers.detect;

import dev.assay.identifiers.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
    return CountedRuns.digits(minDigits, separators);
  }

  /**
   * Runs of at least {@code minLength} chars of {@code ascii} (a set of ASCII chars, such as the
   * base64 alphabet), for patterns that match such a run and nothing else, as {@code
   * [A-Za-z0-9/+]{40}} does. Each region extends one char beyond the run on both sides.
   */
  static Seeds runs(int minLength, String ascii) {
    return CountedRuns.members(minLength, ascii);
  }

  /**
   * Seeds found by a small automaton over the chars of the text, which fires at least once in or
   * next to every region: the {@link Detector} runs the automata of all such seeds in lockstep with
   * its keyword pass, so that one read of each char serves both (on the 2-core VM where this was
   * measured, a pass of its own over a window cost each such seed 0.7 to 1.2 ns a char, most of it
   * branch mispredictions; in lockstep they cost a fraction of that). {@link #regions} is a scan of
   * its own, for where the automaton does not run (a keyword-required identifier's seeds, say) and
   * {@link #regionsAt} must return what it returns.
   *
   * <p>The automaton: states {@code 0} (the start) to {@code states() - 1}; each char falls into
   * one of {@code classes()} classes. It must be small (the detector builds the product of all such
   * automata) and must be a pure function of the chars, so that a state depends on no offset.
   * Implementations are immutable and thread-safe.
   */
  interface Triggered extends Seeds {
    int states();

    int classes();

    int classOf(char c);

    int next(int state, int cls);

    /** Whether the automaton fires on entering {@code state}. */
    boolean fires(int state);

    /**
     * The regions of {@code text}, as {@link #regions} returns them, from the {@code count} offsets
     * in {@code fired} (increasing) at which the automaton fired over the whole text.
     */
    int[] regionsAt(CharSequence text, int[] fired, int count);
  }

  /**
   * The text from each occurrence of one of {@code literals} (exactly as written) to {@code reach}
   * chars beyond it: for patterns whose every match that can count without a keyword begins with
   * one of the literals and is at most {@code reach} chars long. A literal written {@code \\b...}
   * counts only where it starts a word (after a char other than an ASCII letter, digit or
   * underscore, as re2j's {@code \b} sees it). The {@link Detector} finds the literals in its one
   * keyword pass rather than by calling {@link #regions}.
   */
  static Seeds around(int reach, String... literals) {
    return new Around(0, reach, List.of(literals), false, Validator.NONE);
  }

  /**
   * The text from {@code before} chars before each occurrence of one of {@code literals} (in any
   * case when {@code ignoreCase}) that {@code check} accepts to {@code after} chars beyond it: for
   * patterns whose every match that can count without a keyword holds such an occurrence, and
   * extends at most that far on either side of it. {@code check} sees the whole text and the
   * occurrence's offsets, so it can look at the context (the case as written, the neighbouring
   * chars).
   */
  static Seeds around(
      int before, int after, boolean ignoreCase, Validator check, List<String> literals) {
    return new Around(before, after, literals, ignoreCase, check);
  }

  /** Seeds found as literals; see {@link #around(int, String...)}. */
  record Around(int before, int after, List<String> literals, boolean ignoreCase, Validator check)
      implements Seeds {
    public Around {
      if (before < 0 || after < 0) {
        throw new IllegalArgumentException("reach " + before + ", " + after);
      }
      literals = List.copyOf(literals);
      Objects.requireNonNull(check, "check");
    }

    /** The literal as the text holds it, without a leading {@code \\b}. */
    static String text(String literal) {
      return literal.startsWith("\\b") ? literal.substring(2) : literal;
    }

    /**
     * Whether {@code body} occurs at {@code start} of {@code text} as a seed: in the same case
     * unless case is ignored, at the start of a word if {@code startsWord}, and accepted by the
     * check.
     */
    boolean occursAt(CharSequence text, int start, String body, boolean startsWord) {
      int end = start + body.length();
      if (start < 0 || end > text.length()) {
        return false;
      }
      for (int k = 0; k < body.length(); k++) {
        char c = text.charAt(start + k);
        char b = body.charAt(k);
        if (c != b && !(ignoreCase && Character.toLowerCase(c) == Character.toLowerCase(b))) {
          return false;
        }
      }
      return (!startsWord || start == 0 || !isAsciiWord(text.charAt(start - 1)))
          && check.accepts(text, start, end);
    }

    private static boolean isAsciiWord(char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /**
     * The region {@code [start, end)} for a seed found at {@code [from, to)} of a text of {@code
     * length} chars.
     */
    long span(int from, int to, int length) {
      return ((long) Math.max(0, from - before) << 32) | Math.min(length, to + after + 1);
    }

    @Override
    public int[] regions(CharSequence text) {
      long[] spans = new long[16];
      int n = 0;
      for (String literal : literals) {
        String body = text(literal);
        boolean startsWord = !body.equals(literal);
        for (int at = 0; at < text.length(); at++) {
          if (occursAt(text, at, body, startsWord)) {
            if (n == spans.length) {
              spans = Arrays.copyOf(spans, n * 2);
            }
            spans[n++] = span(at, at + body.length(), text.length());
          }
        }
      }
      return merge(spans, n);
    }
  }

  /**
   * Sorts {@code n} spans (start in the high, end in the low 32 bits) and merges those that touch
   * or overlap, as {@code [s0, e0, s1, e1, ...]}. The first {@code n} of {@code spans} are left in
   * no useful order.
   */
  static int[] merge(long[] spans, int n) {
    Arrays.sort(spans, 0, n);
    // Merged in place first (a merged span is never after the spans it came from), so that only
    // the answer is allocated.
    int m = 0;
    for (int i = 0; i < n; i++) {
      int start = (int) (spans[i] >>> 32);
      int end = (int) spans[i];
      if (m > 0 && start <= (int) spans[m - 1]) {
        long last = spans[m - 1];
        spans[m - 1] = (last & 0xFFFF_FFFF_0000_0000L) | Math.max((int) last, end);
      } else {
        spans[m++] = spans[i];
      }
    }
    int[] merged = new int[m * 2];
    for (int i = 0; i < m; i++) {
      merged[2 * i] = (int) (spans[i] >>> 32);
      merged[2 * i + 1] = (int) spans[i];
    }
    return merged;
  }
}
