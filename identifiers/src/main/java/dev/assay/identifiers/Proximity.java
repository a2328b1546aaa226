package dev.assay.identifiers;

/**
 * How near a keyword must be to an occurrence, in characters (UTF-16 code units) of the same text
 * value.
 *
 * <ul>
 *   <li>{@link Side#PRECEDING} (custom data identifiers, Macie User Guide "Configuration options
 *       for custom data identifiers"): the keyword ends before the match starts, and the number of
 *       characters from the end of the keyword to the <em>end</em> of the match is at most {@code
 *       distance}.
 *   <li>{@link Side#EITHER} (managed data identifiers, "Keyword requirements for managed data
 *       identifiers": "within 30 characters, inclusive"; the docs do not name a side): the gap
 *       between the keyword and the match, on either side, is at most {@code distance}.
 * </ul>
 *
 * @param distance the maximum distance in characters, at least 1
 * @param side which measure applies
 */
public record Proximity(int distance, Side side) {

  /** The rule for managed data identifiers: 30 characters, either side, inclusive. */
  public static final Proximity MANAGED = new Proximity(30, Side.EITHER);

  public enum Side {
    PRECEDING,
    EITHER
  }

  public Proximity {
    if (distance < 1) {
      throw new IllegalArgumentException("distance must be at least 1: " + distance);
    }
    if (side == null) {
      throw new IllegalArgumentException("side");
    }
  }

  /** A custom identifier's rule for {@code maximumMatchDistance}. */
  public static Proximity preceding(int distance) {
    return new Proximity(distance, Side.PRECEDING);
  }

  /**
   * The distance of a keyword at {@code [keywordStart, keywordEnd)} from a match at {@code
   * [matchStart, matchEnd)}, measured as this rule measures it; negative when the keyword is on a
   * side this rule does not accept or overlaps the match.
   */
  public int distanceOf(int keywordStart, int keywordEnd, int matchStart, int matchEnd) {
    if (keywordEnd <= matchStart) {
      return side == Side.PRECEDING ? matchEnd - keywordEnd : matchStart - keywordEnd;
    }
    if (side == Side.EITHER && keywordStart >= matchEnd) {
      return keywordStart - matchEnd;
    }
    return -1;
  }

  /**
   * How far before a match's start a keyword may start and still be near (for the windowing that
   * must keep enough context), given the longest keyword.
   */
  public int reachBefore(int longestKeyword) {
    return distance + longestKeyword;
  }
}
