package dev.assay.identifiers.detect;

import com.google.re2j.Matcher;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the earliest match of a regex can end in a text, found by a lazily built DFA at a few
 * nanoseconds a char; re2j's NFA, which the detector still runs for the match itself, costs 40 to
 * 60 ns a char. The detector searches a region with re2j only when this finds a match in it, and
 * only from the earliest end less the longest match: no match can start before that (an earlier
 * start would need a longer match, or an earlier end). A region around a keyword is a few hundred
 * chars; the match in it, a dozen or two. When every match has one length, the earliest end gives
 * the match itself; otherwise a DFA of the reversed regex, run back from just past the earliest end
 * plus the longest match (or from the region's end, when matches have no longest length), gives the
 * leftmost start, and re2j runs from there.
 *
 * <p>The DFA follows re2j exactly on what it accepts: code points (a surrogate pair is one, a lone
 * surrogate is itself), {@code \b} and {@code \B} by re2j's ASCII word chars, with the char before
 * the start as context and the end of the text re2j sees ({@code to}) as its end; {@code .} without
 * the newline unless {@code (?s)}; {@code (?i)} on Latin-1 letters (with the Kelvin sign, the long
 * s and the other orbits Unicode folds onto them); Unicode classes ({@code \p{Lu}}) as re2j's own
 * tables have them. Anything else ({@code ^}, {@code $}, case folding beyond Latin-1, a regex that
 * can match the empty text, more than {@value #MAX_NFA_STATES} states) makes {@link #of} return
 * null, and the detector runs re2j alone.
 *
 * <p>A {@linkplain #union union} of up to {@value #UNION_MAX} patterns answers, in one pass over a
 * short text, which of them match anywhere in it ({@link #matchingPatterns}): a CSV cell under a
 * {@code phone} header wakes a dozen countries' phone patterns, and most of them have no match
 * there.
 *
 * <p>Thread-safe: the DFA is shared by every thread scanning with one detector. States and
 * transitions are added under a lock and published through a volatile table; a reader that sees a
 * transition not yet filled in (0) takes the lock and computes it.
 */
final class RegionDfa {
  static final int MAX_NFA_STATES = 4000;

  /**
   * DFA states built at most (each a row of one int per class): past it, {@link #firstEnd} answers
   * {@link #UNKNOWN} where it would need a new state, and the detector runs re2j as if there were
   * no DFA. States are never dropped, so a state id read from the table stays valid.
   */
  private static final int MAX_DFA_STATES = 1000;

  /** {@link #firstEnd}'s answer when the DFA would grow past {@link #MAX_DFA_STATES}. */
  static final int UNKNOWN = -2;

  /** {@link #onlyEnd}'s answer when matches from the start end in more than one place. */
  private static final int SEVERAL = -3;

  // NFA, Thompson style: one kind per state, up to two successors.
  private static final byte CHAR = 0;
  private static final byte SPLIT = 1;
  private static final byte EMPTY = 2;
  private static final byte WORD_BOUNDARY = 3;
  private static final byte NOT_WORD_BOUNDARY = 4;
  private static final byte MATCH = 5;

  private final byte[] kind;
  private final int[] out1;
  private final int[] out2;

  /** For a CHAR state: the alphabet classes it accepts. */
  private final boolean[][] accepts;

  private final int start;

  // The alphabet: intervals of code points that every char set and the word chars treat alike.
  private final int[] bounds; // interval v covers [bounds[v], bounds[v + 1])
  private final int[] intervalClass; // the class of each interval
  private final short[] latin1Class; // code points below 256
  private final boolean[] classIsWord;
  private final int classes;

  /** Row width: one transition per class, then the end-of-text answer. */
  private final int width;

  /**
   * The DFA of the reversed regex, for a pattern whose matches differ in length: run backward, it
   * finds where the leftmost match starts. Null for a pattern whose matches have one length.
   */
  private RegionDfa reverse;

  /**
   * The DFA of the regex anchored where it starts, for a pattern whose matches differ in length:
   * the ends a match from a known start may have ({@link #onlyEnd}). Null with {@link #reverse}.
   */
  private RegionDfa anchored;

  /**
   * Whether a match starts only where a run starts, not at every position: the anchored DFA. Its
   * states with no NFA state left ({@link #dead}) end a run.
   */
  private final boolean fromStartOnly;

  private final int[] dead = new int[2];

  /** Patterns in a union at most: one bit each in the high half of a transition. */
  static final int UNION_MAX = 32;

  /** NFA states a union may have: more than one pattern's, as it holds up to {@link #UNION_MAX}. */
  private static final int UNION_MAX_NFA_STATES = 16_000;

  /**
   * DFA states a union builds at most: past it, {@link #matchingPatterns} answers that every
   * pattern may match.
   */
  private static final int UNION_MAX_DFA_STATES = 1000;

  /**
   * For a union, per state: width entries of {@code patterns << 32 | (next + 1) << 1 | 1}, where
   * {@code patterns} has a bit for each pattern a match of which ends before the char (or at the
   * end of the text); 0 = not computed yet. One long, so that a reader never sees a transition
   * without its patterns. Null for a single pattern's DFA.
   */
  private volatile long[] unionTable;

  /** A union's transitions are read and written whole (a plain long may be torn). */
  private static final VarHandle TRANSITION = MethodHandles.arrayElementVarHandle(long[].class);

  private final boolean union;

  /** The number of patterns in a union (1 otherwise). */
  private int patterns = 1;

  /**
   * Whether a state's NFA states are kept in re2j's order of preference (an anchored DFA whose
   * regex has no lazy quantifier): the threads of a backtracking order, as re2j's own machine runs
   * them, so that the match re2j prefers is known without it ({@link #preferredEnd}).
   */
  private boolean ordered;

  /** Chars scanned backward at most to find a leftmost start; longer searches start where asked. */
  private static final int MAX_REVERSE_SCAN = 4096;

  private final Object lock = new Object();
  private volatile int[] table; // per state: width entries; 0 = not computed yet
  private final List<Kernel> states = new ArrayList<>();
  private final Map<Kernel, Integer> ids = new HashMap<>();
  private final int[] initial = new int[2]; // state id per "char before start is a word char"

  /**
   * A DFA state: NFA states reached by the last char (before their empty moves), and its word-ness.
   */
  private record Kernel(int[] nfa, boolean afterWord) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Kernel k && k.afterWord == afterWord && Arrays.equals(k.nfa, nfa);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(nfa) * 2 + (afterWord ? 1 : 0);
    }
  }

  /** One interval's bits in an array of signatures, compared by content. */
  private record Signature(long[] bits, int from, int words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Signature g
          && Arrays.equals(bits, from, from + words, g.bits, g.from, g.from + g.words);
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int i = from; i < from + words; i++) {
        h = 31 * h + Long.hashCode(bits[i]);
      }
      return h;
    }
  }

  /**
   * The classes of code points that the given sets (and the word chars) treat alike, and which
   * classes each set holds ({@code accepts}, by set, compared by identity: the states of a repeat,
   * and of a regex and its reverse, share their sets).
   */
  private record Alphabet(
      int[] bounds,
      int[] intervalClass,
      short[] latin1Class,
      boolean[] classIsWord,
      int classes,
      Map<int[], boolean[]> accepts) {

    /** Whether every char state of {@code nfa} has a set this alphabet was built for. */
    boolean covers(Nfa nfa) {
      for (int s = 0; s < nfa.size(); s++) {
        if (nfa.kind[s] == CHAR && !accepts.containsKey(nfa.sets.get(s))) {
          return false;
        }
      }
      return true;
    }

    static Alphabet of(Nfa nfa) {
      Map<int[], Integer> setIndex = new IdentityHashMap<>();
      List<int[]> sets = new ArrayList<>();
      for (int s = 0; s < nfa.size(); s++) {
        if (nfa.kind[s] == CHAR && setIndex.putIfAbsent(nfa.sets.get(s), sets.size()) == null) {
          sets.add(nfa.sets.get(s));
        }
      }
      int wordSet = sets.size();
      sets.add(RegexTree.CharSet.WORD);
      // Intervals of code points that every set treats alike; intervals that all sets treat the
      // same way make one class (a Unicode class has hundreds of intervals, but few kinds).
      int[] bounds = RegexTree.CharSet.bounds(sets);
      int intervals = bounds.length - 1;
      int words = (sets.size() + 63) >>> 6;
      long[] signatures = new long[intervals * words]; // per interval, a bit per set holding it
      for (int j = 0; j < sets.size(); j++) {
        int[] set = sets.get(j);
        for (int r = 0; r < set.length; r += 2) {
          // bounds holds every range's ends: the range covers the intervals from its first's.
          for (int v = Arrays.binarySearch(bounds, set[r]);
              v < intervals && bounds[v] <= set[r + 1];
              v++) {
            signatures[v * words + (j >>> 6)] |= 1L << j;
          }
        }
      }
      int[] intervalClass = new int[intervals];
      Map<Signature, Integer> classOf = new HashMap<>();
      int[] representative = new int[intervals]; // per class, its first interval
      int classes = 0;
      for (int v = 0; v < intervals; v++) {
        Integer id = classOf.putIfAbsent(new Signature(signatures, v * words, words), classes);
        if (id == null) {
          id = classes;
          representative[classes++] = v;
        }
        intervalClass[v] = id;
      }
      if (classes > Short.MAX_VALUE) {
        throw new IllegalArgumentException("too many classes");
      }
      short[] latin1Class = new short[256];
      for (int cp = 0; cp < 256; cp++) {
        int v = Arrays.binarySearch(bounds, cp);
        latin1Class[cp] = (short) intervalClass[v >= 0 ? v : -v - 2];
      }
      boolean[][] bySet = new boolean[sets.size()][classes];
      for (int k = 0; k < classes; k++) {
        int base = representative[k] * words;
        for (int j = 0; j < sets.size(); j++) {
          bySet[j][k] = (signatures[base + (j >>> 6)] & (1L << j)) != 0;
        }
      }
      Map<int[], boolean[]> accepts = new IdentityHashMap<>();
      for (int j = 0; j < wordSet; j++) {
        accepts.put(sets.get(j), bySet[j]);
      }
      return new Alphabet(bounds, intervalClass, latin1Class, bySet[wordSet], classes, accepts);
    }
  }

  private final Alphabet alphabet;

  /**
   * @param alphabet the alphabet of a DFA built before from the same sets (of the regex this one
   *     reverses or anchors), or null to build one
   */
  private RegionDfa(Nfa nfa, int start, boolean fromStartOnly, boolean union, Alphabet alphabet) {
    this.fromStartOnly = fromStartOnly;
    this.union = union;
    int n = nfa.size();
    this.kind = Arrays.copyOf(nfa.kind, n);
    this.out1 = Arrays.copyOf(nfa.out1, n);
    this.out2 = Arrays.copyOf(nfa.out2, n);
    this.start = start;
    Alphabet a = alphabet != null && alphabet.covers(nfa) ? alphabet : Alphabet.of(nfa);
    this.alphabet = a;
    this.bounds = a.bounds;
    this.intervalClass = a.intervalClass;
    this.latin1Class = a.latin1Class;
    this.classIsWord = a.classIsWord;
    this.classes = a.classes;
    this.width = classes + 1;
    this.accepts = new boolean[n][];
    for (int s = 0; s < n; s++) {
      if (kind[s] == CHAR) {
        accepts[s] = a.accepts.get(nfa.sets.get(s)); // read only: states share it
      }
    }
    reset();
  }

  /** The DFA of {@code regex}, or null when it uses what this DFA does not follow. */
  static RegionDfa of(String regex) {
    try {
      RegexTree.Node node = RegexTree.parseWithUnicodeClasses(regex);
      RegionDfa dfa = of(node, false, null);
      if (dfa != null && MatchLength.fixed(regex) == 0) {
        dfa.reverse = of(RegexTree.reverse(node), false, dfa.alphabet);
        dfa.anchored = dfa.reverse == null ? null : of(node, true, dfa.alphabet);
        if (dfa.anchored != null && !mayBeLazy(regex)) {
          dfa.anchored.ordered = true;
        }
      }
      return dfa;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether {@code regex} may have a lazy quantifier ({@code *?}, {@code (?U)}): the tree this DFA
   * reads them from keeps no laziness, so the order of preference would be wrong. Erring toward yes
   * leaves a match to re2j, which is only slower.
   */
  static boolean mayBeLazy(String regex) {
    for (int i = 1; i < regex.length(); i++) {
      char c = regex.charAt(i);
      char before = regex.charAt(i - 1);
      if (c == '?' && (before == '*' || before == '+' || before == '?' || before == '}')) {
        return true;
      }
      int open = c == 'U' ? regex.lastIndexOf("(?", i) : -1;
      if (open >= 0) {
        boolean flags = true;
        for (int j = open + 2; j < i; j++) {
          flags &= Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-';
        }
        if (flags) {
          return true;
        }
      }
    }
    return false;
  }

  private static RegionDfa of(RegexTree.Node node, boolean fromStartOnly, Alphabet alphabet) {
    try {
      Nfa nfa = new Nfa(MAX_NFA_STATES);
      int match = nfa.add(MATCH, -1, -1, null);
      int start = compile(node, nfa, match);
      RegionDfa dfa = new RegionDfa(nfa, start, fromStartOnly, false, alphabet);
      if (dfa.matchesEmpty()) {
        return null;
      }
      return dfa;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The union of {@code regexes} (at most {@link #UNION_MAX}), for {@link #matchingPatterns}; null
   * when one of them uses what the DFA does not follow, can match the empty text, or when together
   * they have too many states.
   */
  static RegionDfa union(List<String> regexes) {
    if (regexes.size() > UNION_MAX || regexes.isEmpty()) {
      throw new IllegalArgumentException("a union of 1 to " + UNION_MAX + " patterns");
    }
    try {
      Nfa nfa = new Nfa(UNION_MAX_NFA_STATES);
      int start = -1;
      for (int p = regexes.size() - 1; p >= 0; p--) {
        // A MATCH state's out1 is the number of the pattern it ends.
        int match = nfa.add(MATCH, p, -1, null);
        int entry = compile(RegexTree.parseWithUnicodeClasses(regexes.get(p)), nfa, match);
        start = start < 0 ? entry : nfa.add(SPLIT, entry, start, null);
      }
      RegionDfa dfa = new RegionDfa(nfa, start, false, true, null);
      dfa.patterns = regexes.size();
      return dfa.matchesEmpty() ? null : dfa;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Run on a {@linkplain #union union}: a bit for each of its patterns (bit {@code p} for the
   * {@code p}-th regex) that has a match in {@code text[from, to)}, as re2j would find searching
   * the text cut at {@code to} from {@code from}, with the char before {@code from} as context; all
   * bits when the DFA has grown as large as it may. One step per code point, whatever the number of
   * patterns; it stops early once every pattern has matched.
   */
  int matchingPatterns(CharSequence text, int from, int to) {
    int all = -1;
    boolean afterWord =
        from > 0 && RegexTree.CharSet.isWordChar(Character.codePointBefore(text, from));
    long[] t = unionTable;
    int state = initial[afterWord ? 1 : 0];
    int found = 0;
    int everyPattern = patterns == UNION_MAX ? all : (1 << patterns) - 1;
    int i = from;
    while (i < to) {
      int cp = codePointAt(text, i, to);
      int next = cp < Character.MIN_SUPPLEMENTARY_CODE_POINT ? i + 1 : i + 2;
      int k = cp < 256 ? latin1Class[cp] : classOfSlow(cp);
      long v = unionStep(t, state, k);
      if (v == 0) {
        return all;
      }
      found |= (int) (v >>> 32);
      if (found == everyPattern) {
        return found;
      }
      state = (int) ((v & 0xFFFF_FFFFL) >>> 1) - 1;
      if ((state + 1) * width > t.length) {
        t = unionTable; // a new state: its row is in the grown table
      }
      i = next;
    }
    long v = unionStep(t, state, classes);
    return v == 0 ? all : found | (int) (v >>> 32);
  }

  /**
   * A union's transition from {@code state} on class {@code k}, read from {@code t} or computed.
   */
  private long unionStep(long[] t, int state, int k) {
    int idx = state * width + k;
    long v = idx < t.length ? (long) TRANSITION.getOpaque(t, idx) : 0;
    return v != 0 ? v : computeUnion(state, k);
  }

  /** Fills in one transition of a union, as {@link #compute} does for one pattern. */
  private long computeUnion(int state, int k) {
    synchronized (lock) {
      long[] t = unionTable;
      int idx = state * width + k;
      if (t[idx] != 0) {
        return t[idx];
      }
      if (states.size() >= UNION_MAX_DFA_STATES) {
        return 0;
      }
      long step = successor(state, k);
      long value = (step & 0xFFFF_FFFF_0000_0000L) | (((int) step + 1L) << 1) | 1;
      t = unionTable; // successor may have grown it
      TRANSITION.setOpaque(t, idx, value);
      return value;
    }
  }

  private boolean matchesEmpty() {
    for (boolean before : new boolean[] {false, true}) {
      for (boolean after : new boolean[] {false, true}) {
        if (closureHasMatch(new int[] {start}, before, after)) {
          return true;
        }
      }
    }
    return false;
  }

  private void reset() {
    if (union) {
      unionTable = new long[width * 64];
    } else {
      table = new int[width * 64];
    }
    int[] first = fromStartOnly ? new int[] {start} : new int[0];
    initial[0] = intern(new Kernel(first, false));
    initial[1] = intern(new Kernel(first, true));
    dead[0] = intern(new Kernel(new int[0], false));
    dead[1] = intern(new Kernel(new int[0], true));
  }

  /**
   * The end of the earliest-ending match of the regex that starts at or after {@code from}, in the
   * text re2j sees when it is cut at {@code to} (char offsets); -1 when there is none, {@link
   * #UNKNOWN} when the DFA has grown as large as it may.
   */
  int firstEnd(CharSequence text, int from, int to) {
    return ends(text, from, to, FIRST);
  }

  /**
   * The first match re2j finds searching {@code text} cut at {@code to} from {@code from}, as
   * {@code start << 32 | end}, or -1 when there is none; {@code m} is the pattern's matcher on that
   * cut text. No match can start before the earliest end less {@code longest} (the most chars a
   * match can take, {@link MatchLength#UNBOUNDED} if unknown). When every match is {@code fixed}
   * chars long (0 if not), the earliest end is the end of the leftmost match; otherwise the
   * reversed regex finds the leftmost start and the anchored DFA its end ({@link #fromLeftmost}).
   * re2j runs only where these cannot tell.
   */
  long next(Matcher m, CharSequence text, int from, int to, int longest, int fixed) {
    int end = firstEnd(text, from, to);
    if (end == -1) {
      return -1;
    }
    if (end != UNKNOWN && fixed > 0) {
      return ((long) (end - fixed) << 32) | end;
    }
    int start = from;
    if (end != UNKNOWN && longest != MatchLength.UNBOUNDED) {
      if (end - longest > from) {
        start = end - longest;
        if (Character.isLowSurrogate(text.charAt(start))
            && Character.isHighSurrogate(text.charAt(start - 1))) {
          start--; // re2j steps over the pair from the left: start where it would
        }
      }
      // The leftmost match starts at or after start and at or before end, and ends within
      // longest chars of its start: the reversed regex finds it in text cut one char further, so
      // that a match ending at the cut cannot start before end. re2j then runs from the match's
      // own start, not from up to longest chars before it.
      if (reverse != null) {
        int leftmost = reverse.lastStart(text, start, Math.min(to, end + longest + 1));
        if (leftmost >= start) {
          return fromLeftmost(m, text, leftmost, to);
        }
      }
    } else if (end != UNKNOWN && reverse != null && to - from <= MAX_REVERSE_SCAN) {
      int leftmost = reverse.lastStart(text, from, to);
      if (leftmost >= from) {
        return fromLeftmost(m, text, leftmost, to);
      }
    }
    return m.find(start) ? ((long) m.start() << 32) | m.end() : -1;
  }

  /**
   * The match re2j finds from {@code start}, where the leftmost match starts: when every match from
   * there ends in one place, that is the one re2j picks, whatever the order of its alternatives,
   * and the anchored DFA finds it at a few nanoseconds a char; re2j runs only when there are
   * several.
   */
  private long fromLeftmost(Matcher m, CharSequence text, int start, int to) {
    int end =
        anchored == null
            ? UNKNOWN
            : anchored.ordered
                ? anchored.preferredEnd(text, start, to)
                : anchored.onlyEnd(text, start, to);
    if (end > start) {
      return ((long) start << 32) | end;
    }
    return m.find(start) ? ((long) m.start() << 32) | m.end() : -1;
  }

  /**
   * Where the match re2j prefers among those that start at {@code start} ends, found without re2j
   * ({@link #preferredEnd}); {@link #UNKNOWN} when the DFA cannot tell (for tests).
   */
  int preferredEndFrom(CharSequence text, int start, int to) {
    return anchored != null && anchored.ordered ? anchored.preferredEnd(text, start, to) : UNKNOWN;
  }

  /**
   * Run on the {@linkplain #ordered ordered} anchored DFA: where the match re2j prefers among those
   * that start at {@code from} ends, in the text cut at {@code to}; -1 when none does, {@link
   * #UNKNOWN} when the DFA has grown as large as it may. A state holds only the threads re2j
   * prefers to the best match so far, so the last match seen before they all die is re2j's.
   */
  private int preferredEnd(CharSequence text, int from, int to) {
    return ends(text, from, to, PREFERRED);
  }

  /**
   * Run on the anchored DFA: where a match that starts at {@code from} ends, in the text cut at
   * {@code to}; -1 when none does, {@link #SEVERAL} when matches end in more than one place, {@link
   * #UNKNOWN} when the DFA has grown as large as it may.
   */
  private int onlyEnd(CharSequence text, int from, int to) {
    return ends(text, from, to, ONLY);
  }

  // What ends() looks for.
  private static final int FIRST = 0; // the first end of a match
  private static final int ONLY = 1; // the only end, or SEVERAL
  private static final int PREFERRED = 2; // the last end before the (ordered) run dies

  /**
   * Steps the DFA over {@code text[from, to)} code point by code point: returns at the first end of
   * a match ({@link #FIRST}, as {@link #firstEnd}), or looks for a second one until the anchored
   * DFA's run dies ({@link #ONLY}, as {@link #onlyEnd}), or keeps the last one until then ({@link
   * #PREFERRED}, as {@link #preferredEnd}).
   */
  private int ends(CharSequence text, int from, int to, int mode) {
    boolean afterWord =
        from > 0 && RegexTree.CharSet.isWordChar(Character.codePointBefore(text, from));
    int[] t = table;
    int state = initial[afterWord ? 1 : 0];
    int end = -1;
    int i = from;
    while (i < to) {
      if (fromStartOnly && (state == dead[0] || state == dead[1])) {
        return end;
      }
      int cp = codePointAt(text, i, to);
      int next = cp < Character.MIN_SUPPLEMENTARY_CODE_POINT ? i + 1 : i + 2;
      int k = cp < 256 ? latin1Class[cp] : classOfSlow(cp);
      int idx = state * width + k;
      int v = idx < t.length ? t[idx] : 0;
      if (v == 0) {
        v = compute(state, k);
        if (v == 0) {
          return UNKNOWN;
        }
        t = table;
      }
      if ((v & 1) != 0) { // a match ends before this char
        if (mode == FIRST) {
          return i;
        }
        if (mode == ONLY && end >= 0) {
          return SEVERAL;
        }
        end = i; // PREFERRED: preferred to every match before, whose threads came after its
      }
      state = (v >>> 1) - 1;
      i = next;
    }
    if (fromStartOnly && (state == dead[0] || state == dead[1])) {
      return end;
    }
    int idx = state * width + classes;
    int v = idx < t.length ? t[idx] : 0;
    if (v == 0) {
      v = compute(state, classes);
    }
    if (v == 0) {
      return UNKNOWN;
    }
    if (v == 2) {
      return mode != ONLY || end < 0 ? to : SEVERAL;
    }
    return end;
  }

  /** DFA states built so far (for tests and measurements). */
  int stateCount() {
    synchronized (lock) {
      return states.size();
    }
  }

  /**
   * Run on a reversed regex: where the leftmost match lies that starts at or after {@code from}, in
   * the text cut at {@code to}: -1 when there is none, {@link #UNKNOWN} when it cannot tell. It
   * steps from {@code to} back to {@code from}, code point by code point, as re2j would forward.
   */
  int lastStart(CharSequence text, int from, int to) {
    int[] t = table;
    int state = initial[0]; // what re2j sees ends at to
    int best = -1;
    int i = to;
    while (true) {
      int v;
      if (i > 0) {
        // The char before i: consumed when i > from; the context of a match starting at from.
        int cp = text.charAt(i - 1);
        int before = i - 1;
        if (Character.isLowSurrogate((char) cp)
            && before > (i > from ? from : 0)
            && Character.isHighSurrogate(text.charAt(before - 1))) {
          cp = Character.toCodePoint(text.charAt(before - 1), (char) cp);
          before--;
        }
        int k = cp < 256 ? latin1Class[cp] : classOfSlow(cp);
        int idx = state * width + k;
        v = idx < t.length ? t[idx] : 0;
        if (v == 0) {
          v = compute(state, k);
          if (v == 0) {
            return UNKNOWN;
          }
          t = table;
        }
        if ((v & 1) != 0) {
          best = i; // a match starts at i
        }
        if (i <= from) {
          return best;
        }
        state = (v >>> 1) - 1;
        i = before;
      } else {
        int idx = state * width + classes;
        v = idx < t.length ? t[idx] : 0;
        if (v == 0) {
          v = compute(state, classes);
        }
        return v == 2 ? 0 : v == 0 ? UNKNOWN : best;
      }
    }
  }

  /**
   * The code point at {@code i} as re2j reads {@code text} cut at {@code to}: a surrogate pair is
   * one, a lone surrogate is itself.
   */
  private static int codePointAt(CharSequence text, int i, int to) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < to) {
      char low = text.charAt(i + 1);
      if (Character.isLowSurrogate(low)) {
        return Character.toCodePoint(c, low);
      }
    }
    return c;
  }

  private int classOfSlow(int cp) {
    int v = Arrays.binarySearch(bounds, cp);
    return intervalClass[v >= 0 ? v : -v - 2];
  }

  /**
   * Fills in one transition: from {@code state} on a char of class {@code k} (or the end of the
   * text when {@code k == classes}). A transition is {@code (next + 1) << 1 | (match ends here)};
   * the end of text is 2 for a match, 1 for none; 0 when it would need a state past {@link
   * #MAX_DFA_STATES}.
   */
  private int compute(int state, int k) {
    synchronized (lock) {
      int[] t = table;
      int idx = state * width + k;
      if (t[idx] != 0) {
        return t[idx];
      }
      if (states.size() >= MAX_DFA_STATES) {
        return 0; // full: a new transition might need a new state, and finding out costs a closure
      }
      long step = successor(state, k);
      boolean match = (step >>> 32) != 0;
      int value = k == classes ? (match ? 2 : 1) : (((int) step + 1) << 1) | (match ? 1 : 0);
      t = table; // successor may have grown it
      t[idx] = value;
      return value;
    }
  }

  /**
   * From {@code state} on a char of class {@code k} (or the end of the text when {@code k ==
   * classes}): in the high half a bit for each pattern a match of which ends there (bit 0 for a
   * single pattern's), in the low half the next state (0 at the end of the text). Under the lock.
   */
  private long successor(int state, int k) {
    Kernel kernel = states.get(state);
    boolean atEnd = k == classes;
    boolean word = !atEnd && classIsWord[k];
    int[] closure =
        ordered
            ? orderedClosure(kernel.nfa, kernel.afterWord, word)
            : closure(withStart(kernel.nfa), kernel.afterWord, word);
    int matched = 0;
    int[] next = new int[closure.length];
    int n = 0;
    for (int s : closure) {
      if (kind[s] == MATCH) {
        matched |= 1 << Math.max(0, out1[s]); // a union's MATCH states say whose they are
        if (ordered) {
          break; // the threads after it are those re2j prefers less: they cannot win
        }
      } else if (!atEnd && kind[s] == CHAR && accepts[s][k]) {
        next[n++] = out1[s];
      }
    }
    int id = 0;
    if (!atEnd) {
      int[] nextStates = Arrays.copyOf(next, n);
      if (!ordered) {
        Arrays.sort(
            nextStates); // a set; an ordered one keeps its order (its closure drops repeats)
        nextStates = dedupe(nextStates);
      }
      id = intern(new Kernel(nextStates, word));
    }
    return ((long) matched << 32) | id;
  }

  private int intern(Kernel kernel) {
    Integer id = ids.get(kernel);
    if (id != null) {
      return id;
    }
    int next = states.size();
    states.add(kernel);
    ids.put(kernel, next);
    if (union) {
      if ((next + 1) * width > unionTable.length) {
        unionTable = Arrays.copyOf(unionTable, Math.max(unionTable.length * 2, (next + 1) * width));
      }
    } else if ((next + 1) * width > table.length) {
      table = Arrays.copyOf(table, Math.max(table.length * 2, (next + 1) * width));
    }
    return next;
  }

  private int[] withStart(int[] kernel) {
    if (fromStartOnly) {
      return kernel;
    }
    int[] all = Arrays.copyOf(kernel, kernel.length + 1);
    all[kernel.length] = start; // unanchored: a match may start at every position
    return all;
  }

  private static int[] dedupe(int[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  private boolean closureHasMatch(int[] from, boolean before, boolean after) {
    for (int s : closure(from, before, after)) {
      if (kind[s] == MATCH) {
        return true;
      }
    }
    return false;
  }

  // closure's work arrays, and the mark of the states it has seen in its current call.
  private int[] closureSeen;
  private int[] closureStack;
  private int[] closureOut;
  private int closureMark;

  /**
   * As {@link #closure}, the char and match states in re2j's order of preference: depth first, a
   * split's first branch (an alternative's left side, a greedy repeat's body) before its second,
   * and a state reached again kept where it was first reached, as re2j's machine adds its threads.
   */
  private int[] orderedClosure(int[] from, boolean before, boolean after) {
    int[] seen = new int[kind.length];
    int[] stack = new int[2 * kind.length + from.length];
    int[] out = new int[kind.length];
    int sp = 0;
    int n = 0;
    for (int i = from.length - 1; i >= 0; i--) {
      stack[sp++] = from[i];
    }
    boolean boundary = before != after;
    while (sp > 0) {
      int s = stack[--sp];
      if (seen[s] != 0) {
        continue;
      }
      seen[s] = 1;
      switch (kind[s]) {
        case CHAR, MATCH -> out[n++] = s;
        case SPLIT -> {
          stack[sp++] = out2[s];
          stack[sp++] = out1[s];
        }
        case EMPTY -> stack[sp++] = out1[s];
        case WORD_BOUNDARY -> {
          if (boundary) {
            stack[sp++] = out1[s];
          }
        }
        case NOT_WORD_BOUNDARY -> {
          if (!boundary) {
            stack[sp++] = out1[s];
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The states reachable by empty moves, word-boundary tests decided by the chars around. */
  private int[] closure(int[] from, boolean before, boolean after) {
    // Called under the lock (or while the DFA is built), so the work arrays are the DFA's own: a
    // union has thousands of NFA states, and each transition computed would allocate them anew.
    if (closureStack == null) {
      closureSeen = new int[kind.length];
      closureStack = new int[kind.length];
      closureOut = new int[kind.length];
    }
    int[] seen = closureSeen;
    int[] stack = closureStack;
    int[] out = closureOut;
    int mark = ++closureMark;
    if (mark == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      mark = closureMark = 1;
    }
    int sp = 0;
    int n = 0;
    for (int s : from) {
      if (seen[s] != mark) {
        seen[s] = mark;
        stack[sp++] = s;
      }
    }
    boolean boundary = before != after;
    while (sp > 0) {
      int s = stack[--sp];
      int a = -1;
      int b = -1;
      switch (kind[s]) {
        case CHAR, MATCH -> out[n++] = s;
        case SPLIT -> {
          a = out1[s];
          b = out2[s];
        }
        case EMPTY -> a = out1[s];
        case WORD_BOUNDARY -> a = boundary ? out1[s] : -1;
        case NOT_WORD_BOUNDARY -> a = boundary ? -1 : out1[s];
        default -> throw new IllegalStateException();
      }
      if (a >= 0 && seen[a] != mark) {
        seen[a] = mark;
        stack[sp++] = a;
      }
      if (b >= 0 && seen[b] != mark) {
        seen[b] = mark;
        stack[sp++] = b;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Builds {@code node} into {@code nfa} before state {@code next}, Thompson style, and returns its
   * entry. A char of an unknown set or an edge assertion is not followed: it throws.
   */
  private static int compile(RegexTree.Node node, Nfa nfa, int next) {
    if (node instanceof RegexTree.Chars c) {
      if (c.set() == null) {
        throw new IllegalArgumentException("a char of an unknown set");
      }
      return nfa.add(CHAR, next, -1, c.set());
    }
    if (node instanceof RegexTree.Concat c) {
      int entry = next;
      for (int i = c.items().size() - 1; i >= 0; i--) {
        entry = compile(c.items().get(i), nfa, entry);
      }
      return entry;
    }
    if (node instanceof RegexTree.Alt a) {
      List<RegexTree.Node> options = a.options();
      int entry = compile(options.get(options.size() - 1), nfa, next);
      for (int i = options.size() - 2; i >= 0; i--) {
        entry = nfa.add(SPLIT, compile(options.get(i), nfa, next), entry, null);
      }
      return entry;
    }
    if (node instanceof RegexTree.Repeat r) {
      int entry = next;
      if (r.max() < 0) {
        // body* before next: a loop state that either enters the body (which returns to it) or
        // leaves.
        int loop = nfa.add(SPLIT, -1, next, null);
        int body = compile(r.body(), nfa, loop); // first: it may grow the arrays
        nfa.out1[loop] = body;
        entry = loop;
      } else {
        for (int i = r.max(); i > r.min(); i--) {
          entry = nfa.add(SPLIT, compile(r.body(), nfa, entry), next, null);
        }
      }
      for (int i = 0; i < r.min(); i++) {
        entry = compile(r.body(), nfa, entry);
      }
      return entry;
    }
    RegexTree.Assert a = (RegexTree.Assert) node;
    return switch (a.kind()) {
      case WORD_BOUNDARY -> nfa.add(WORD_BOUNDARY, next, -1, null);
      case NOT_WORD_BOUNDARY -> nfa.add(NOT_WORD_BOUNDARY, next, -1, null);
      case TEXT_EDGE -> throw new IllegalArgumentException("^, $, \\A or \\z");
    };
  }

  /** The NFA under construction. */
  private static final class Nfa {
    private final int maxStates;
    byte[] kind = new byte[64];
    int[] out1 = new int[64];
    int[] out2 = new int[64];
    final List<int[]> sets = new ArrayList<>();
    private int size;

    Nfa(int maxStates) {
      this.maxStates = maxStates;
    }

    int size() {
      return size;
    }

    int add(byte k, int a, int b, int[] set) {
      if (size == kind.length) {
        kind = Arrays.copyOf(kind, size * 2);
        out1 = Arrays.copyOf(out1, size * 2);
        out2 = Arrays.copyOf(out2, size * 2);
      }
      if (size >= maxStates) {
        throw new IllegalArgumentException("too many states");
      }
      kind[size] = k;
      out1[size] = a;
      out2[size] = b;
      sets.add(set);
      return size++;
    }
  }
}
