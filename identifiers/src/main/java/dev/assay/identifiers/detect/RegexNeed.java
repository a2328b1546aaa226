package dev.assay.identifiers.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What any match of a regex must contain, read from the regex itself: one of a few clauses, each a
 * literal (a run of plain chars the pattern spells out) and a least run of consecutive ASCII
 * digits. The detector checks it on a region before running re2j there, whose NFA costs 40 to 60 ns
 * a char: a keyword wakes several patterns around it (an IBAN's wakes five countries' national
 * forms), and most of them cannot match there. A check costs about a nanosecond a char.
 *
 * <p>It reads the regex's {@link RegexTree}; syntax that the tree does not read makes the need
 * {@link #NONE}, which every region meets, and a char of a set it does not know is no literal. The
 * need is never stronger than the regex: every match contains the literal of at least one clause
 * (case-insensitively where the regex is) together with a digit run at least that clause's length.
 * Immutable and thread-safe.
 */
final class RegexNeed {
  /**
   * One way a match can be: it contains {@code literal} (unless null) and {@code digitRun} digits
   * in a row.
   */
  record Clause(String literal, boolean ignoreCase, int digitRun) {
    boolean isTrivial() {
      return literal == null && digitRun == 0;
    }
  }

  /** No need at all: every region may hold a match. */
  static final RegexNeed NONE = new RegexNeed(List.of(new Clause(null, false, 0)));

  /** Clauses kept for one regex; beyond it, they are folded into one weaker clause. */
  private static final int MAX_CLAUSES = 16;

  private final List<Clause> clauses;
  // The same, for mayMatch: a loop over a List.of's iterator allocated one per call, since the
  // JIT's shallower inlining leaves it escaping (2.6% of the bytes a Parquet scan allocated).
  private final Clause[] clauseArray;

  private RegexNeed(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
    this.clauseArray = this.clauses.toArray(new Clause[0]);
  }

  List<Clause> clauses() {
    return clauses;
  }

  boolean isNone() {
    return isTrivial(clauses);
  }

  /**
   * The need of {@code regex}, or {@link #NONE} when it uses syntax this reader does not follow.
   */
  static RegexNeed of(String regex) {
    try {
      RegexNeed need = new RegexNeed(sequence(RegexTree.parse(regex)).need);
      return need.isNone() ? NONE : need;
    } catch (RuntimeException e) {
      return NONE;
    }
  }

  /** Whether {@code text[from, to)} meets the need: whether a match may lie inside it. */
  boolean mayMatch(CharSequence text, int from, int to) {
    int run = -1;
    for (Clause c : clauseArray) {
      if (c.digitRun > 0) {
        if (run < 0) {
          run = longestDigitRun(text, from, to);
        }
        if (run < c.digitRun) {
          continue;
        }
      }
      if (c.literal == null || contains(text, from, to, c.literal, c.ignoreCase)) {
        return true;
      }
    }
    return false;
  }

  static int longestDigitRun(CharSequence text, int from, int to) {
    int best = 0;
    int run = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        run++;
        if (run > best) {
          best = run;
        }
      } else {
        run = 0;
      }
    }
    return best;
  }

  /**
   * Whether {@code text[from, to)} contains {@code literal}; with {@code ignoreCase}, {@code
   * literal} is lower case.
   */
  static boolean contains(CharSequence text, int from, int to, String literal, boolean ignoreCase) {
    int n = literal.length();
    char first = literal.charAt(0);
    for (int i = from; i + n <= to; i++) {
      if (same(text.charAt(i), first, ignoreCase)) {
        int k = 1;
        while (k < n && same(text.charAt(i + k), literal.charAt(k), ignoreCase)) {
          k++;
        }
        if (k == n) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether text char {@code c} matches literal char {@code lit} (lower case when {@code
   * ignoreCase}). re2j folds case by Unicode's orbits, so {@code (?i)k} matches the Kelvin sign and
   * {@code (?i)s} the long s: both reach the ASCII letter through upper then lower case.
   */
  private static boolean same(char c, char lit, boolean ignoreCase) {
    if (c == lit || !ignoreCase) {
      return c == lit;
    }
    if (c < 0x80) { // an ASCII char folds only from upper to lower case, and onto ASCII alone
      return c >= 'A' && c <= 'Z' && (char) (c + ('a' - 'A')) == lit;
    }
    return Character.toLowerCase(c) == lit
        || Character.toLowerCase(Character.toUpperCase(c)) == lit;
  }

  /** What a part of the regex can match. */
  private static final class Part {
    /** Every char it can match is an ASCII digit. */
    boolean digitsOnly;

    /** The fewest chars it can match. */
    long minLength;

    /** It matches exactly this text (case aside, by {@link #rule}), or null. */
    String literal;

    Rule rule = Rule.CASELESS;

    /** One of these holds for each of its matches. */
    List<Clause> need = NONE.clauses;
  }

  /** How a literal compares: exactly, regardless of case, or either (no char of it has a case). */
  private enum Rule {
    EXACT,
    ANY_CASE,
    CASELESS
  }

  private static Part read(RegexTree.Node node) {
    if (node instanceof RegexTree.Chars c) {
      return chars(c.set());
    }
    if (node instanceof RegexTree.Concat c) {
      return concatenation(c.items());
    }
    if (node instanceof RegexTree.Alt a) {
      Part n = new Part();
      n.digitsOnly = true;
      n.minLength = Long.MAX_VALUE;
      List<Clause> clauses = new ArrayList<>();
      for (RegexTree.Node option : a.options()) {
        Part o = sequence(option);
        n.digitsOnly &= o.digitsOnly;
        n.minLength = Math.min(n.minLength, o.minLength);
        clauses.addAll(o.need);
      }
      n.need = simplified(clauses);
      return n;
    }
    if (node instanceof RegexTree.Repeat r) {
      Part body = sequence(r.body());
      Part q = new Part();
      q.digitsOnly = body.digitsOnly;
      q.minLength = Math.min(Long.MAX_VALUE / 2, body.minLength * r.min());
      q.need = r.min() == 0 ? NONE.clauses : body.need;
      return q; // no exact literal (kept simple: a fixed repeat of one would be)
    }
    // An assertion matches no char: it breaks runs of literals and of digits, and needs nothing.
    return new Part();
  }

  /** {@code node} read as a concatenation, so that its own literal and digit run make a clause. */
  private static Part sequence(RegexTree.Node node) {
    return concatenation(node instanceof RegexTree.Concat c ? c.items() : List.of(node));
  }

  /** One char of {@code set} (null: a set not known). */
  private static Part chars(int[] set) {
    Part n = new Part();
    n.minLength = 1;
    if (set == null) {
      return n;
    }
    n.digitsOnly = set[0] >= '0' && set[set.length - 1] <= '9';
    int first = set[0];
    if (set.length == 2 && first == set[1] && first < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      n.literal = String.valueOf((char) first);
      boolean caseless =
          Character.toLowerCase(first) == first && Character.toUpperCase(first) == first;
      n.rule = caseless ? Rule.CASELESS : Rule.EXACT;
      return n;
    }
    // (?i) made a letter the set of its cases: a literal that ignores case.
    int lower = Character.toLowerCase(first);
    if (lower < Character.MIN_SUPPLEMENTARY_CODE_POINT && Arrays.equals(set, foldOrNull(lower))) {
      n.literal = String.valueOf((char) lower);
      n.rule = Rule.ANY_CASE;
    }
    return n;
  }

  private static int[] foldOrNull(int cp) {
    try {
      return RegexTree.CharSet.fold(new int[] {cp, cp});
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Part concatenation(List<RegexTree.Node> items) {
    Part whole = new Part();
    whole.digitsOnly = true;
    StringBuilder literal = new StringBuilder();
    Rule rule = Rule.CASELESS;
    String bestLiteral = null;
    Rule bestRule = Rule.CASELESS;
    long run = 0;
    long bestRun = 0;
    List<Clause> need = NONE.clauses;
    boolean exact = true;
    for (RegexTree.Node node : items) {
      Part item = read(node);
      whole.minLength = Math.min(Long.MAX_VALUE / 2, whole.minLength + item.minLength);
      whole.digitsOnly &= item.digitsOnly;
      // Consecutive digit-only parts make one run of digits in any match; an optional one adds
      // nothing but does not break the run (absent, its neighbours touch).
      run = item.digitsOnly ? run + item.minLength : 0;
      bestRun = Math.max(bestRun, run);
      // Consecutive exact literals that compare alike make one literal.
      if (item.literal != null
          && (item.rule == Rule.CASELESS || rule == Rule.CASELESS || item.rule == rule)) {
        if (item.rule != Rule.CASELESS) {
          rule = item.rule;
        }
        literal.append(item.literal);
      } else {
        exact = false;
        literal.setLength(0);
        rule = Rule.CASELESS;
        if (item.literal != null) {
          literal.append(item.literal);
          rule = item.rule;
        }
      }
      if (literal.length() > 0
          && (bestLiteral == null || literal.length() > bestLiteral.length())) {
        bestLiteral = literal.toString();
        bestRule = rule;
      }
      need = product(need, item.need);
    }
    boolean anyCase = bestRule == Rule.ANY_CASE;
    Clause flat =
        new Clause(
            bestLiteral == null
                ? null
                : anyCase ? bestLiteral.toLowerCase(Locale.ROOT) : bestLiteral,
            anyCase,
            (int) Math.min(bestRun, 1 << 20));
    whole.need = simplified(product(need, List.of(flat)));
    whole.literal = exact ? literal.toString() : null;
    whole.rule = rule;
    return whole;
  }

  /** Both needs hold: each pair of clauses, joined. */
  private static List<Clause> product(List<Clause> a, List<Clause> b) {
    if (isTrivial(b)) {
      return a;
    }
    if (isTrivial(a)) {
      return b;
    }
    if ((long) a.size() * b.size() > MAX_CLAUSES) {
      // Keep the side that asks more of a region, rather than grow past the bound.
      return strength(a) >= strength(b) ? a : b;
    }
    List<Clause> out = new ArrayList<>(a.size() * b.size());
    for (Clause x : a) {
      for (Clause y : b) {
        out.add(join(x, y));
      }
    }
    return out;
  }

  private static Clause join(Clause x, Clause y) {
    Clause literal =
        x.literal == null
            ? y
            : y.literal == null ? x : x.literal.length() >= y.literal.length() ? x : y;
    return new Clause(literal.literal, literal.ignoreCase, Math.max(x.digitRun, y.digitRun));
  }

  private static boolean isTrivial(List<Clause> clauses) {
    for (Clause c : clauses) {
      if (c.isTrivial()) {
        return true;
      }
    }
    return false;
  }

  /** How much the weakest clause asks: a literal char counts as much as two digits of a run. */
  private static int strength(List<Clause> clauses) {
    int weakest = Integer.MAX_VALUE;
    for (Clause c : clauses) {
      weakest = Math.min(weakest, (c.literal == null ? 0 : 2 * c.literal.length()) + c.digitRun);
    }
    return weakest;
  }

  /**
   * Clauses deduplicated; past {@link #MAX_CLAUSES}, one clause with the least digit run of all.
   */
  private static List<Clause> simplified(List<Clause> clauses) {
    if (isTrivial(clauses)) {
      return NONE.clauses;
    }
    List<Clause> out = new ArrayList<>();
    for (Clause c : clauses) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    if (out.size() <= MAX_CLAUSES) {
      return out;
    }
    int least = Integer.MAX_VALUE;
    for (Clause c : out) {
      least = Math.min(least, c.digitRun);
    }
    return List.of(new Clause(null, false, least));
  }
}
