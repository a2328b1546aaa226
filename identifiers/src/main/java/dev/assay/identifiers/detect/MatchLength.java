package dev.assay.identifiers.detect;

/**
 * The longest text, in UTF-16 chars, that a regex can match, read from its {@link RegexTree}: the
 * detector searches only that far around a keyword. Anything unbounded ({@code *}, {@code +},
 * {@code {n,}}) or syntax the tree does not read makes the answer {@link #UNBOUNDED}, never too
 * small. A char that may be outside the Basic Multilingual Plane (any char of a set the tree does
 * not know, too) counts as two. Stateless.
 */
final class MatchLength {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private MatchLength() {}

  /** The most chars {@code regex} can match, or {@link #UNBOUNDED}. */
  static int max(String regex) {
    try {
      long max = max(RegexTree.parse(regex));
      return max < UNBOUNDED ? (int) max : UNBOUNDED;
    } catch (RuntimeException e) { // a syntax the tree does not read: no bound
      return UNBOUNDED;
    }
  }

  /**
   * The length in chars of every match of {@code regex} when all have one, and each of their chars
   * is in the Basic Multilingual Plane (so a match is as many chars as code points); 0 when not, or
   * when the tree cannot tell.
   */
  static int fixed(String regex) {
    try {
      RegexTree.Node tree = RegexTree.parse(regex);
      long max = max(tree);
      // max counts a char that may lie beyond the Basic Multilingual Plane as two, min as one:
      // equal, every match is as many chars as code points, all of them in that plane.
      return max < UNBOUNDED && max > 0 && max == min(tree) ? (int) max : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static long min(RegexTree.Node node) {
    if (node instanceof RegexTree.Chars) {
      return 1;
    }
    if (node instanceof RegexTree.Concat c) {
      long sum = 0;
      for (RegexTree.Node item : c.items()) {
        sum += min(item);
      }
      return sum;
    }
    if (node instanceof RegexTree.Alt a) {
      long least = Long.MAX_VALUE;
      for (RegexTree.Node option : a.options()) {
        least = Math.min(least, min(option));
      }
      return least;
    }
    if (node instanceof RegexTree.Repeat r) {
      return min(r.body()) * r.min();
    }
    return 0;
  }

  private static long max(RegexTree.Node node) {
    if (node instanceof RegexTree.Chars c) {
      return c.set() == null
              || c.set()[c.set().length - 1] >= Character.MIN_SUPPLEMENTARY_CODE_POINT
          ? 2
          : 1;
    }
    if (node instanceof RegexTree.Concat c) {
      long sum = 0;
      for (RegexTree.Node item : c.items()) {
        sum = Math.min(UNBOUNDED, sum + max(item));
      }
      return sum;
    }
    if (node instanceof RegexTree.Alt a) {
      long longest = 0;
      for (RegexTree.Node option : a.options()) {
        longest = Math.max(longest, max(option));
      }
      return longest;
    }
    if (node instanceof RegexTree.Repeat r) {
      long body = max(r.body());
      if (body == 0) {
        return 0;
      }
      return r.max() < 0 || body == UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, body * r.max());
    }
    return 0; // an assertion
  }
}
