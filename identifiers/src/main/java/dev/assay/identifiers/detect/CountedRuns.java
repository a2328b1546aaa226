package dev.assay.identifiers.detect;

import java.util.Arrays;

/**
 * Seeds for runs of chars from a small ASCII set, found by counting: {@link Seeds#digitRuns} (runs
 * of digits where single separators may stand between them) and {@link Seeds#runs} (runs of members
 * of a set). The automaton counts what a run needs up to {@code min}, fires when the count reaches
 * it, and then stays saturated until the run ends, so it fires once per run. Immutable and
 * thread-safe.
 */
final class CountedRuns implements Seeds.Triggered {
  private static final int OTHER = 0;
  private static final int COUNTED = 1; // a digit, or a member of the set
  private static final int SEPARATOR = 2; // between digits: kept in the run, not counted

  private final int min;
  private final boolean[] counted = new boolean[128];
  private final boolean[] separator = new boolean[128];
  private final String separators;

  private CountedRuns(int min, String countedChars, String separators) {
    if (min < 1) {
      throw new IllegalArgumentException("min " + min);
    }
    this.min = min;
    this.separators = separators;
    for (char c : countedChars.toCharArray()) {
      if (c >= 128) {
        throw new IllegalArgumentException("not ASCII: " + c);
      }
      counted[c] = true;
    }
    for (char c : separators.toCharArray()) {
      if (c < 128 && !counted[c]) {
        separator[c] = true;
      }
    }
  }

  static CountedRuns digits(int minDigits, String separators) {
    if (minDigits < 1) {
      throw new IllegalArgumentException("minDigits " + minDigits);
    }
    return new CountedRuns(minDigits, "0123456789", separators);
  }

  static CountedRuns members(int minLength, String ascii) {
    return new CountedRuns(minLength, ascii, "");
  }

  @Override
  public int states() {
    return min + 2; // 0..min-1 counting, min fired, min+1 saturated
  }

  @Override
  public int classes() {
    return 3;
  }

  @Override
  public int classOf(char c) {
    return c >= 128 ? OTHER : counted[c] ? COUNTED : separator[c] ? SEPARATOR : OTHER;
  }

  @Override
  public int next(int state, int cls) {
    return switch (cls) {
      case COUNTED -> state < min - 1 ? state + 1 : state == min - 1 ? min : min + 1;
      case SEPARATOR -> state == min ? min + 1 : state;
      default -> 0;
    };
  }

  @Override
  public boolean fires(int state) {
    return state == min;
  }

  /**
   * A scan of its own: looking at every {@code min}-th char finds each run (a run of {@code min}
   * counted chars spans at least {@code min} chars), and the text between is never read.
   */
  @Override
  public int[] regions(CharSequence text) {
    int length = text.length();
    int[] fired = new int[16];
    int n = 0;
    int i = min - 1;
    while (i < length) {
      if (!inRun(text.charAt(i))) {
        i += min;
        continue;
      }
      int from = runStart(text, i);
      int to = runEnd(text, i);
      // Where the automaton would fire in this run, if it does: at its min-th counted char.
      int counted = 0;
      for (int k = from; k < to; k++) {
        char c = text.charAt(k);
        if (c < 128 && this.counted[c] && ++counted == min) {
          if (n == fired.length) {
            fired = Arrays.copyOf(fired, n * 2);
          }
          fired[n++] = k;
          break;
        }
      }
      i = to + min;
    }
    return regionsAt(text, fired, n);
  }

  /** The start of the run that holds {@code at}. */
  private int runStart(CharSequence text, int at) {
    int from = at;
    while (from > 0 && inRun(text.charAt(from - 1))) {
      from--;
    }
    return from;
  }

  /** The end (exclusive) of the run that holds {@code at}. */
  private int runEnd(CharSequence text, int at) {
    int to = at + 1;
    while (to < text.length() && inRun(text.charAt(to))) {
      to++;
    }
    return to;
  }

  private boolean inRun(char c) {
    return c < 128 && (counted[c] || separator[c]);
  }

  @Override
  public int[] regionsAt(CharSequence text, int[] fired, int count) {
    RegionList out = new RegionList();
    int length = text.length();
    int done = 0; // the runs before this offset are done
    for (int k = 0; k < count; k++) {
      int f = fired[k];
      if (f < done) {
        continue;
      }
      int from = runStart(text, f);
      int to = runEnd(text, f);
      if (separators.isEmpty()) {
        out.add(Math.max(0, from - 1), Math.min(length, to + 1));
      } else {
        exactDigitRuns(text, from, to, out);
      }
      done = to;
    }
    return out.toArray();
  }

  /**
   * The runs of at least {@code min} digits in {@code text[from, to)}, where single separators may
   * stand between digits, each widened by one char on both sides.
   */
  private void exactDigitRuns(CharSequence text, int from, int to, RegionList out) {
    int i = from;
    while (i < to) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int end = i;
      while (i < to) {
        char d = text.charAt(i);
        if (isDigit(d)) {
          digits++;
          i++;
          end = i;
        } else if (separators.indexOf(d) >= 0 && i + 1 < to && isDigit(text.charAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
      if (digits >= min) {
        out.add(Math.max(0, start - 1), Math.min(text.length(), end + 1));
      }
      i++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
