package dev.assay.identifiers.detect;

import com.google.re2j.Matcher;
import dev.assay.identifiers.FieldContext;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Short texts, each with its field names (the cells of a CSV file, the values of JSON records),
 * gathered so that {@link Detector#scan(TextBatch, Detector.BatchSink)} scans them together: one
 * keyword pass over all of their chars instead of one scan per value, whose fixed cost is many
 * times a short value's chars. Each text is still scanned as if it stood alone.
 *
 * <p>The texts are copied into one array, each followed by a line feed that no keyword, seed or
 * match of another text crosses. Texts are numbered from 0 in the order added; offsets are UTF-16
 * char offsets, 0-based, relative to each text.
 *
 * <p>Not thread-safe: one per analysing thread. It keeps scratch space for the detector that scans
 * it between calls, so that a scan allocates little; reuse it with {@link #clear}.
 */
public final class TextBatch {
  static final char SEPARATOR = '\n';

  char[] chars = new char[4096];
  int length;
  int[] starts = new int[256];
  int[] ends = new int[256];
  private FieldContext[] fields = new FieldContext[256];
  int count;
  private Scratch scratch;

  /** Adds {@code text} with its field names, and returns its number in the batch. */
  public int add(CharSequence text, FieldContext field) {
    int n = text.length();
    int at = reserve(n);
    if (text instanceof String s) {
      s.getChars(0, n, chars, at);
    } else {
      for (int i = 0; i < n; i++) {
        chars[at + i] = text.charAt(i);
      }
    }
    return added(n, field);
  }

  /**
   * Adds the text {@code text[from, from + length)} with its field names, and returns its number in
   * the batch. The chars are copied; the array is not kept.
   */
  public int add(char[] text, int from, int length, FieldContext field) {
    int at = reserve(length); // first: it may replace the array
    System.arraycopy(text, from, chars, at, length);
    return added(length, field);
  }

  /** Makes room for a text of {@code n} chars and its separator; returns where the text goes. */
  private int reserve(int n) {
    if (length + n + 1 > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n + 1));
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      fields = Arrays.copyOf(fields, count * 2);
    }
    return length;
  }

  /** Records the text of {@code n} chars just copied to the end of the batch. */
  private int added(int n, FieldContext field) {
    starts[count] = length;
    ends[count] = length + n;
    fields[count] = field;
    length += n;
    chars[length++] = SEPARATOR;
    return count++;
  }

  /** How many texts the batch holds. */
  public int size() {
    return count;
  }

  /** How many chars the batch holds, its separators included. */
  public int chars() {
    return length;
  }

  /** Text {@code i}: a view of the batch's chars, valid until the batch is cleared. */
  public CharSequence text(int i) {
    return CharBuffer.wrap(chars, starts[i], ends[i] - starts[i]);
  }

  public FieldContext field(int i) {
    return fields[i];
  }

  /** Empties the batch; its storage is kept for the next texts. */
  public void clear() {
    Arrays.fill(fields, 0, count, null);
    count = 0;
    length = 0;
  }

  /**
   * The keywords in text {@code i}'s field names, as {@code detector} reads them, cached by field.
   */
  Detector.FieldKeywords fieldKeywords(int i, Detector detector) {
    FieldContext field = fields[i];
    if (field.isEmpty()) {
      return Detector.FieldKeywords.NONE;
    }
    // The last field again (a column's cells, a path's values: extractors share one field); else
    // rows and records repeat their fields in one order: the slot after the last field's holds
    // this one, or the cycle starts again.
    Scratch s = scratch;
    if (s.cyclePos >= 0 && s.cycleFields[s.cyclePos] == field) {
      return s.cycleKeywords[s.cyclePos];
    }
    int p = s.cyclePos + 1;
    if (p < CYCLE && s.cycleFields[p] == field) {
      s.cyclePos = p;
      return s.cycleKeywords[p];
    }
    if (s.cycleFields[0] == field) {
      s.cyclePos = 0;
      return s.cycleKeywords[0];
    }
    // A value left out (an empty cell, a null field) skips its slot: look a few slots ahead
    // before the maps, and keep the slots, so that the next record finds its fields in place.
    int ahead = Math.min(CYCLE, p + SKIPS);
    for (int q = p + 1; q < ahead; q++) {
      if (s.cycleFields[q] == field) {
        s.cyclePos = q;
        return s.cycleKeywords[q];
      }
    }
    Detector.FieldKeywords known = lookUp(field, detector);
    if (p >= CYCLE) {
      p = 0;
    }
    s.cycleFields[p] = field;
    s.cycleKeywords[p] = known;
    s.cyclePos = p;
    return known;
  }

  /** How many fields in a row {@link #fieldKeywords} expects may be left out of a record. */
  private static final int SKIPS = 8;

  /** The keywords in {@code field}'s names, from the caches or else from {@code detector}. */
  private Detector.FieldKeywords lookUp(FieldContext field, Detector detector) {
    // By identity first: extractors hand out one context per column or path, and hashing a
    // context hashes its list of names.
    Map<FieldContext, Detector.FieldKeywords> same = scratch.fieldKeywordsBySameField;
    Detector.FieldKeywords known = same.get(field);
    if (known == null) {
      Map<FieldContext, Detector.FieldKeywords> cache = scratch.fieldKeywords;
      known = cache.get(field);
      if (known == null) {
        if (cache.size() >= MAX_CACHED_FIELDS) {
          cache.clear(); // paths that never repeat (array indexes in JSON) must not fill the heap
        }
        known = detector.fieldKeywords(field);
        cache.put(field, known);
      }
      if (same.size() >= MAX_CACHED_FIELDS) {
        same.clear();
      }
      same.put(field, known);
    }
    return known;
  }

  private static final int MAX_CACHED_FIELDS = 4096;

  /** The longest cycle of fields {@link #fieldKeywords} follows: columns or paths in a row. */
  private static final int CYCLE = 256;

  /**
   * The scratch space of {@code detector}'s scans of this batch, made anew for another detector.
   */
  Scratch scratchFor(Detector detector, int entries, int groups) {
    if (scratch == null || scratch.detector != detector) {
      scratch = new Scratch(detector, entries, groups);
    }
    return scratch;
  }

  /** Sets of groups a scratch remembers (a power of two). */
  private static final int UNION_SLOTS = 256;

  /** How often a set of groups comes before its texts are sifted by a union. */
  static final int UNION_AFTER = 8;

  /** What a detector's scan of a batch reuses from one call to the next. */
  static final class Scratch {
    final Detector detector;
    final Detector.Evidence evidence;
    final Matcher[] matchers;
    final boolean[] visit;
    final int[] toVisit;
    final boolean[] touchedMark;
    final int[] touched;
    final boolean[] noMatch; // by group: its union found no match in the text being searched
    final int[] unionMembers = new int[RegionDfa.UNION_MAX];
    // Sets of groups seen, by their hash: how often each came, and its union once built.
    private final int[][] unionKeys = new int[UNION_SLOTS][];
    private final int[] unionSeen = new int[UNION_SLOTS];
    private final RegionDfa[] unionDfas = new RegionDfa[UNION_SLOTS];
    final Map<FieldContext, Detector.FieldKeywords> fieldKeywords = new HashMap<>();
    final Map<FieldContext, Detector.FieldKeywords> fieldKeywordsBySameField =
        new IdentityHashMap<>();
    final FieldContext[] cycleFields = new FieldContext[CYCLE];
    final Detector.FieldKeywords[] cycleKeywords = new Detector.FieldKeywords[CYCLE];
    int cyclePos = -1;
    // The keyword pass's hits over the whole batch, in the order reported.
    int hitCount;
    int[] hitKind = new int[256];
    int[] hitEntry = new int[256];
    int[] hitStart = new int[256];
    int[] hitEnd = new int[256];
    int[] hitValue = new int[256];
    long[] order = new long[256];
    private long[] seededBits = new long[256];

    Scratch(Detector detector, int entries, int groups) {
      this.detector = detector;
      this.evidence = new Detector.Evidence(entries);
      this.matchers = new Matcher[groups];
      this.visit = new boolean[groups];
      this.toVisit = new int[groups];
      this.touchedMark = new boolean[entries];
      this.touched = new int[entries];
      this.noMatch = new boolean[groups];
    }

    /**
     * The union of the first {@code m} groups of {@code members}, once this set has come {@link
     * #UNION_AFTER} times; null before, or when it cannot be built.
     */
    RegionDfa union(int[] members, int m) {
      int h = 1;
      for (int j = 0; j < m; j++) {
        h = h * 31 + members[j];
      }
      int slot = (h ^ (h >>> 16)) & (UNION_SLOTS - 1);
      int[] key = unionKeys[slot];
      if (key == null || !Arrays.equals(key, 0, key.length, members, 0, m)) {
        unionKeys[slot] = Arrays.copyOf(members, m);
        unionSeen[slot] = 1;
        unionDfas[slot] = null;
        return null;
      }
      if (++unionSeen[slot] == UNION_AFTER) {
        unionDfas[slot] = detector.union(unionKeys[slot]);
      }
      return unionDfas[slot];
    }

    /** {@code n} longs, all zero, for a run's bits of seeded groups per text. */
    long[] seededBits(int n) {
      if (seededBits.length < n) {
        seededBits = new long[Math.max(n, seededBits.length * 2)];
      } else {
        Arrays.fill(seededBits, 0, n, 0L);
      }
      return seededBits;
    }

    void record(int kind, int entry, int start, int end, int value) {
      int h = hitCount;
      if (h == hitKind.length) {
        int n = h * 2;
        hitKind = Arrays.copyOf(hitKind, n);
        hitEntry = Arrays.copyOf(hitEntry, n);
        hitStart = Arrays.copyOf(hitStart, n);
        hitEnd = Arrays.copyOf(hitEnd, n);
        hitValue = Arrays.copyOf(hitValue, n);
        order = Arrays.copyOf(order, n);
      }
      hitKind[h] = kind;
      hitEntry[h] = entry;
      hitStart[h] = start;
      hitEnd[h] = end;
      hitValue[h] = value;
      hitCount = h + 1;
    }
  }
}
