package dev.assay.identifiers.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Aho-Corasick automaton over lower-cased literals (keywords and anchors), run once over a text
 * to find every occurrence of every literal. Characters are folded with {@link
 * Character#toLowerCase(char)}, so matching is case-insensitive and offsets stay those of the
 * original text.
 *
 * <p>The automaton is a dense transition table over an alphabet reduced to the characters that
 * occur in the literals (every other character is class 0), so a scan costs one table lookup per
 * character. Immutable after construction and thread-safe.
 */
final class KeywordIndex {

  /** A literal found in a text: which literal, and where (char offsets, end exclusive). */
  interface Hits {
    void hit(int literal, int start, int end);
  }

  private final String[] literals;
  private final char[] classOf;
  private final int alphabet;

  /**
   * The transitions, {@code base(state) + class -> base(target)}, where a state's base is its row's
   * offset, {@code state * alphabet}; negated and less one ({@code ~base}) when the target state
   * reports literals. A scan thus costs one load per char, and a sign test.
   */
  private final int[] next;

  private final int[][] outputs; // per state, literal ids ending here (own and inherited)
  private final int longest; // chars in the longest literal

  /** Both automata's classes of each char, for the scan in lockstep with the triggers. */
  private volatile Packed packed;

  /**
   * Each char's keyword class (low 16 bits) and trigger class (high 16 bits) in one int: the
   * lockstep scan then loads one class per char instead of two (measured: about a tenth of the
   * pass). Immutable once published.
   */
  private record Packed(TriggerAutomaton triggers, int[] classes) {}

  KeywordIndex(List<String> rawLiterals) {
    this.literals = new String[rawLiterals.size()];
    classOf = new char[Character.MAX_VALUE + 1];
    int classes = 1;
    for (int i = 0; i < rawLiterals.size(); i++) {
      String lit = rawLiterals.get(i).toLowerCase(Locale.ROOT);
      if (lit.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      literals[i] = lit;
      for (int k = 0; k < lit.length(); k++) {
        char c = lit.charAt(k);
        if (classOf[c] == 0) {
          classOf[c] = (char) classes++;
          // Upper-case forms fold to this class too.
          char upper = Character.toUpperCase(c);
          if (upper != c && Character.toLowerCase(upper) == c) {
            classOf[upper] = classOf[c];
          }
        }
      }
    }
    // Any other char whose lower case is a literal char (e.g. title-case forms) folds too.
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (classOf[c] == 0) {
        char lower = Character.toLowerCase((char) c);
        if (lower != c && classOf[lower] != 0) {
          classOf[c] = classOf[lower];
        }
      }
    }
    this.alphabet = classes;
    int longestLiteral = 1;
    for (String lit : literals) {
      longestLiteral = Math.max(longestLiteral, lit.length());
    }
    this.longest = longestLiteral;

    // The trie as edge lists (first child, next sibling), then the full transition table row by row
    // in breadth-first order: a state's row is its failure state's, with its own edges written
    // over. Copying rows, rather than filling the table char class by char class, is what keeps
    // this cheap when it runs, once, before the scan's code is compiled.
    int capacity = 1;
    for (String lit : literals) {
      capacity += lit.length();
    }
    int[] firstChild = new int[capacity];
    int[] sibling = new int[capacity];
    int[] edgeClass = new int[capacity];
    int[] ownFirst = new int[capacity];
    int[] ownLast = new int[capacity];
    int[] ownNext = new int[literals.length];
    Arrays.fill(firstChild, -1);
    Arrays.fill(ownFirst, -1);
    int states = 1;
    for (int i = 0; i < literals.length; i++) {
      int state = 0;
      for (int k = 0; k < literals[i].length(); k++) {
        int cls = classOf[literals[i].charAt(k)];
        int to = firstChild[state];
        while (to >= 0 && edgeClass[to] != cls) {
          to = sibling[to];
        }
        if (to < 0) {
          to = states++;
          edgeClass[to] = cls;
          sibling[to] = firstChild[state];
          firstChild[state] = to;
        }
        state = to;
      }
      ownNext[i] = -1;
      if (ownFirst[state] < 0) {
        ownFirst[state] = i;
      } else {
        ownNext[ownLast[state]] = i;
      }
      ownLast[state] = i;
    }
    if ((long) states * alphabet > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("too many literals: " + states + " states");
    }
    int[] next = new int[states * alphabet];
    int[] fail = new int[states];
    boolean[] reports = new boolean[states];
    outputs = new int[states][];
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    outputs[0] = new int[0];
    queue[tail++] = 0;
    while (head < tail) {
      int s = queue[head++];
      int row = s * alphabet;
      if (s != 0) {
        outputs[s] = merge(ownFirst[s], ownNext, outputs[fail[s]]);
        System.arraycopy(next, fail[s] * alphabet, next, row, alphabet);
      }
      for (int to = firstChild[s]; to >= 0; to = sibling[to]) {
        int f = 0;
        if (s != 0) {
          int v = next[fail[s] * alphabet + edgeClass[to]];
          f = (v < 0 ? ~v : v) / alphabet;
        }
        fail[to] = f;
        reports[to] = ownFirst[to] >= 0 || reports[f];
        // A target's base, complemented when the target reports literals.
        next[row + edgeClass[to]] = reports[to] ? ~(to * alphabet) : to * alphabet;
        queue[tail++] = to;
      }
    }
    this.next = next;
  }

  /**
   * A state's own literals (a list through {@code ownNext} from {@code first}) after those it
   * inherits.
   */
  private static int[] merge(int first, int[] ownNext, int[] inherited) {
    int own = 0;
    for (int i = first; i >= 0; i = ownNext[i]) {
      own++;
    }
    int[] out = Arrays.copyOf(inherited, inherited.length + own);
    int k = inherited.length;
    for (int i = first; i >= 0; i = ownNext[i]) {
      out[k++] = i;
    }
    return out;
  }

  int size() {
    return literals.length;
  }

  int literalLength(int literal) {
    return literals[literal].length();
  }

  /**
   * Reports every occurrence of every literal in {@code text[from, to)}, in no particular order.
   */
  void scan(CharSequence text, int from, int to, Hits hits) {
    if (text instanceof CharArrayText array) {
      scan(array.chars, array.offset, from, to, hits);
      return;
    }
    int base = 0;
    final int[] table = next;
    final char[] classes = classOf;
    for (int i = from; i < to; i++) {
      base = table[base + classes[text.charAt(i)]];
      if (base < 0) {
        base = report(base, i, hits);
      }
    }
  }

  /**
   * As {@link #scan(CharSequence, int, int, Hits)}, over {@code chars[base + from, base + to)},
   * reporting offsets relative to {@code base}. A long text is walked as two halves at once: each
   * step of one automaton waits for its table load, and two independent walks overlap those waits.
   * The second half starts early by the longest literal less one, so that it finds every literal
   * that ends in it, and reports only those, after the first half's.
   */
  private void scan(char[] chars, int base, int from, int to, Hits hits) {
    // Reports as it goes: with two states in the loop, the JIT keeps them in registers across the
    // calls (measured: 1.2 ns a char, against 1.8 with the scan with triggers' buffers).
    final int[] table = next;
    final char[] classes = classOf;
    int start = base + from;
    int end = base + to;
    if (to - from < 2 * TWO_WALKS_FROM) {
      int state = 0;
      for (int i = start; i < end; i++) {
        state = table[state + classes[chars[i]]];
        if (state < 0) {
          state = report(state, i - base, hits);
        }
      }
      return;
    }
    int mid = start + (end - start) / 2;
    int second = Math.max(start, mid - (longest - 1));
    int[] pending = new int[16];
    int pendingCount = 0;
    int a = 0;
    int b = 0;
    int j = second;
    for (int i = start; i < mid; i++, j++) {
      a = table[a + classes[chars[i]]];
      b = table[b + classes[chars[j]]];
      if ((a | b) < 0) {
        if (a < 0) {
          a = report(a, i - base, hits);
        }
        if (b < 0) {
          if (j >= mid) { // what ends before mid, the first walk reports
            pending = withPair(pending, pendingCount, b, j - base);
            pendingCount += 2;
          }
          b = ~b;
        }
      }
    }
    for (; j < end; j++) {
      b = table[b + classes[chars[j]]];
      if (b < 0) {
        b = report(b, j - base, hits);
      }
    }
    for (int k = 0; k < pendingCount; k += 2) {
      report(pending[k], pending[k + 1], hits);
    }
  }

  /**
   * As {@link #scan(CharSequence, int, int, Hits)} over all of {@code text}, stepping {@code
   * triggers} over the same chars and recording in {@code fired} where its seeds fire (in
   * increasing order). One read of each char serves both automata; a long text is walked as two
   * halves, as in the keyword-only scan. With no literals ({@code index} null), the triggers alone.
   */
  static void scan(
      KeywordIndex index,
      CharArrayText text,
      Hits hits,
      TriggerAutomaton triggers,
      TriggerAutomaton.Fired fired) {
    final char[] chars = text.chars;
    final int base = text.offset;
    final int end = base + text.length();
    final int[] tTable = triggers.next;
    final char[] tClasses = triggers.classOf;
    int t = 0;
    if (index == null) {
      for (int i = base; i < end; i++) {
        t = tTable[t + tClasses[chars[i]]];
        if (t < 0) {
          t = ~t;
          fired.add(triggers.firesAt(t), i - base);
        }
      }
      return;
    }
    final int[] table = index.next;
    final int[] both = index.packedClasses(triggers);
    // Two walks, as in the keyword-only scan, each stepping both automata. The second starts
    // after a char that resets the triggers, so that their state there is exact (0), and at
    // least the longest literal less one before the middle, so that the keyword automaton finds
    // every literal that ends past the middle; each walk reports only what ends in its half.
    int mid = base + text.length() / 2;
    int second = mid - (index.longest - 1);
    int lowest = Math.max(base, second - SECOND_WALK_SEARCH);
    while (second > lowest && !triggers.resets(chars[second - 1])) {
      second--;
    }
    boolean twoWalks = text.length() >= 2 * TWO_WALKS_FROM && second > lowest;
    // The walks only record what fires, in buffers; it is handed over between stretches of the
    // walk. A call in the loop, even on its rare branch, has the JIT keep the automata's states
    // in memory instead of registers (measured: 2.2 against 1.5 ns a char). Both walks share the
    // buffers, the second's offsets complemented; what it finds past the middle waits in
    // {@code later} until the first walk's is reported. The one test for full buffers is taken a
    // few times in each window of log text, so the JIT sees it taken: a test it never saw taken
    // (the second walk's own buffer filling, once a window) became a trap that threw the compiled
    // scan away, twice a run.
    int[] literalsAt = new int[EVENTS];
    int[] firesAt = new int[EVENTS];
    Later later = new Later();
    int a = 0;
    int b = 0;
    int ta = 0;
    int tb = 0;
    int j = base; // with one walk, the second's loop below does it all
    if (twoWalks) {
      j = second;
      int i = base;
      while (i < mid) {
        int literalCount = 0;
        int fireCount = 0;
        for (; i < mid; i++, j++) {
          int c = both[chars[i]];
          int d = both[chars[j]];
          a = table[a + (c & 0xFFFF)];
          ta = tTable[ta + (c >>> 16)];
          b = table[b + (d & 0xFFFF)];
          tb = tTable[tb + (d >>> 16)];
          if ((a | ta | b | tb) < 0) {
            if (a < 0) {
              literalsAt[literalCount] = a;
              literalsAt[literalCount + 1] = i;
              literalCount += 2;
              a = ~a;
            }
            if (ta < 0) {
              ta = ~ta;
              firesAt[fireCount] = ta;
              firesAt[fireCount + 1] = i;
              fireCount += 2;
            }
            if (b < 0) {
              literalsAt[literalCount] = b;
              literalsAt[literalCount + 1] = ~j;
              literalCount += 2;
              b = ~b;
            }
            if (tb < 0) {
              tb = ~tb;
              firesAt[fireCount] = tb;
              firesAt[fireCount + 1] = ~j;
              fireCount += 2;
            }
            if (literalCount > EVENTS - 4
                || fireCount > EVENTS - 4) { // a step adds two pairs at most
              i++;
              j++;
              break;
            }
          }
        }
        handOver(
            index,
            literalsAt,
            literalCount,
            hits,
            triggers,
            firesAt,
            fireCount,
            fired,
            base,
            later,
            mid);
      }
    }
    for (int k = 0; k < later.fireCount; k += 2) {
      fired.add(triggers.firesAt(later.fires[k]), later.fires[k + 1] - base);
    }
    while (j < end) {
      int literalCount = 0;
      int fireCount = 0;
      for (; j < end; j++) {
        int d = both[chars[j]];
        b = table[b + (d & 0xFFFF)];
        tb = tTable[tb + (d >>> 16)];
        if ((b | tb) < 0) {
          if (b < 0) {
            literalsAt[literalCount] = b;
            literalsAt[literalCount + 1] = j;
            literalCount += 2;
            b = ~b;
          }
          if (tb < 0) {
            tb = ~tb;
            firesAt[fireCount] = tb;
            firesAt[fireCount + 1] = j;
            fireCount += 2;
          }
          if (literalCount == EVENTS || fireCount == EVENTS) {
            j++;
            break;
          }
        }
      }
      handOver(
          index,
          literalsAt,
          literalCount,
          hits,
          triggers,
          firesAt,
          fireCount,
          fired,
          base,
          later,
          mid);
    }
    for (int k = 0; k < later.literalCount; k += 2) {
      index.report(later.literals[k], later.literals[k + 1] - base, hits);
    }
  }

  /**
   * Reports a stretch's buffered hits and fires, at offsets relative to {@code base}. A
   * complemented offset is the second walk's: kept in {@code later} when it is past {@code mid},
   * dropped before it (the first walk reports those).
   */
  private static void handOver(
      KeywordIndex index,
      int[] literalsAt,
      int literalCount,
      Hits hits,
      TriggerAutomaton triggers,
      int[] firesAt,
      int fireCount,
      TriggerAutomaton.Fired fired,
      int base,
      Later later,
      int mid) {
    for (int k = 0; k < literalCount; k += 2) {
      int at = literalsAt[k + 1];
      if (at >= 0) {
        index.report(literalsAt[k], at - base, hits);
      } else if (~at >= mid) {
        later.literals = withPair(later.literals, later.literalCount, literalsAt[k], ~at);
        later.literalCount += 2;
      }
    }
    for (int k = 0; k < fireCount; k += 2) {
      int at = firesAt[k + 1];
      if (at >= 0) {
        fired.add(triggers.firesAt(firesAt[k]), at - base);
      } else if (~at >= mid) {
        later.fires = withPair(later.fires, later.fireCount, firesAt[k], ~at);
        later.fireCount += 2;
      }
    }
  }

  /** The second walk's hits and fires past the middle (state, offset), in the order found. */
  private static final class Later {
    int[] literals = new int[EVENTS];
    int literalCount;
    int[] fires = new int[EVENTS];
    int fireCount;
  }

  /** {@code pairs} with {@code (x, y)} stored at {@code count}, grown when full. */
  private static int[] withPair(int[] pairs, int count, int x, int y) {
    int[] out = count + 2 > pairs.length ? Arrays.copyOf(pairs, pairs.length * 2) : pairs;
    out[count] = x;
    out[count + 1] = y;
    return out;
  }

  /** Pairs a walk's buffer holds before it is handed over (an even number). */
  private static final int EVENTS = 256;

  /** How far before the middle the second walk may look for a char that resets the triggers. */
  private static final int SECOND_WALK_SEARCH = 4096;

  /** Below twice this many chars, one walk: two would gain little. */
  private static final int TWO_WALKS_FROM = 1024;

  /**
   * Reports the literals of the state whose marked base is {@code marked}, ending at {@code i};
   * returns its base.
   */
  private int report(int marked, int i, Hits hits) {
    int base = ~marked;
    for (int literal : outputs[base / alphabet]) {
      hits.hit(literal, i + 1 - literals[literal].length(), i + 1);
    }
    return base;
  }

  /** {@link Packed#classes} for {@code triggers}, built on first use. Thread-safe. */
  private int[] packedClasses(TriggerAutomaton triggers) {
    Packed p = packed;
    if (p == null || p.triggers != triggers) {
      if (alphabet > 0xFFFF || triggers.classOf.length != classOf.length) {
        throw new IllegalStateException("classes do not fit in 16 bits");
      }
      int[] both = new int[classOf.length];
      for (int c = 0; c < both.length; c++) {
        both[c] = classOf[c] | triggers.classOf[c] << 16;
      }
      p = new Packed(triggers, both);
      packed = p;
    }
    return p.classes;
  }

  /** Literal ids by text, for tests and diagnostics. */
  Map<String, Integer> ids() {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < literals.length; i++) {
      map.put(literals[i], i);
    }
    return map;
  }
}
