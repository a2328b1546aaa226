package dev.assay.identifiers.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product of the automata of several {@link Seeds.Triggered} seeds, as one dense table over
 * combined char classes, so that the keyword pass steps all of them with two loads a char (the
 * char's class, then the next state) beside its own. Only the states reachable from the start are
 * built. Immutable and thread-safe.
 */
final class TriggerAutomaton {
  /** More product states than this and the detector runs the seeds on their own instead. */
  static final int MAX_STATES = 1 << 16;

  final char[] classOf; // combined class of each char
  final int alphabet;

  /**
   * {@code base(state) + class -> base(target)}, where a state's base is {@code state * alphabet};
   * negated and less one ({@code ~base}) when some seed fires on entering the target.
   */
  final int[] next;

  private final int[] firesMask; // by state: bit k set when seed k fires on entering it
  private final int seeds;

  /** By char: whether it sends every state to the start (so a walk may begin after it). */
  private final boolean[] resetsByClass;

  private TriggerAutomaton(char[] classOf, int alphabet, int[] next, int[] firesMask, int seeds) {
    this.resetsByClass = new boolean[alphabet];
    for (int cls = 0; cls < alphabet; cls++) {
      boolean all = true;
      for (int base = 0; base < next.length && all; base += alphabet) {
        all = next[base + cls] == 0;
      }
      resetsByClass[cls] = all;
    }
    this.classOf = classOf;
    this.alphabet = alphabet;
    this.next = next;
    this.firesMask = firesMask;
    this.seeds = seeds;
  }

  /**
   * The product automaton of {@code triggered} (at most 31), or null when it would be too large.
   */
  static TriggerAutomaton of(List<Seeds.Triggered> triggered) {
    int k = triggered.size();
    if (k == 0 || k > 31) {
      return null;
    }
    // Class vectors and state vectors are numbered in mixed radix, one digit per seed.
    long classRadix = 1;
    long stateRadix = 1;
    for (Seeds.Triggered t : triggered) {
      if (classRadix > Long.MAX_VALUE / t.classes() || stateRadix > Long.MAX_VALUE / t.states()) {
        return null;
      }
      classRadix *= t.classes();
      stateRadix *= t.states();
    }
    // Combined classes: chars whose classes agree for every seed share one.
    char[] classOf = new char[Character.MAX_VALUE + 1];
    Map<Long, Integer> classIds = new HashMap<>();
    List<int[]> vectors = new ArrayList<>();
    int[] v = new int[k];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      long key = 0;
      for (int s = 0; s < k; s++) {
        v[s] = triggered.get(s).classOf((char) c);
        key = key * triggered.get(s).classes() + v[s];
      }
      Integer id = classIds.get(key);
      if (id == null) {
        if (classIds.size() > Character.MAX_VALUE) {
          return null;
        }
        id = classIds.size();
        classIds.put(key, id);
        vectors.add(v.clone());
      }
      classOf[c] = (char) (int) id;
    }
    int alphabet = classIds.size();
    // Product states by breadth-first search from (0, ..., 0).
    Map<Long, Integer> stateIds = new HashMap<>();
    List<int[]> states = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    stateIds.put(0L, 0);
    states.add(new int[k]);
    queue.add(0);
    int[] transitions = new int[16 * alphabet];
    while (!queue.isEmpty()) {
      int id = queue.poll();
      int[] state = states.get(id);
      for (int cls = 0; cls < alphabet; cls++) {
        int[] vector = vectors.get(cls);
        int[] target = new int[k];
        long key = 0;
        for (int s = 0; s < k; s++) {
          target[s] = triggered.get(s).next(state[s], vector[s]);
          key = key * triggered.get(s).states() + target[s];
        }
        Integer to = stateIds.get(key);
        if (to == null) {
          to = states.size();
          if (to >= MAX_STATES || (long) (to + 1) * alphabet > Integer.MAX_VALUE / 2) {
            return null;
          }
          stateIds.put(key, to);
          states.add(target);
          queue.add(to);
        }
        int at = id * alphabet + cls;
        if (at >= transitions.length) {
          transitions = Arrays.copyOf(transitions, Math.max(transitions.length * 2, at + 1));
        }
        transitions[at] = to;
      }
    }
    int n = states.size();
    int[] firesMask = new int[n];
    for (int id = 0; id < n; id++) {
      for (int s = 0; s < k; s++) {
        if (triggered.get(s).fires(states.get(id)[s])) {
          firesMask[id] |= 1 << s;
        }
      }
    }
    int[] next = new int[n * alphabet];
    for (int at = 0; at < next.length; at++) {
      int to = transitions[at];
      next[at] = firesMask[to] != 0 ? ~(to * alphabet) : to * alphabet;
    }
    return new TriggerAutomaton(classOf, alphabet, next, firesMask, k);
  }

  /** Whether {@code c} sends every state to the start. */
  boolean resets(char c) {
    return resetsByClass[classOf[c]];
  }

  int seeds() {
    return seeds;
  }

  /** Which seeds fire on entering the state whose base is {@code base} (not negated). */
  int firesAt(int base) {
    return firesMask[base / alphabet];
  }

  /** The offsets at which each seed fired during one scan. Not thread-safe: one per scan. */
  static final class Fired {
    final int[][] offsets;
    final int[] counts;

    Fired(int seeds) {
      offsets = new int[seeds][];
      counts = new int[seeds];
      for (int s = 0; s < seeds; s++) {
        offsets[s] = new int[16];
      }
    }

    void add(int mask, int offset) {
      while (mask != 0) {
        int s = Integer.numberOfTrailingZeros(mask);
        mask &= mask - 1;
        int[] o = offsets[s];
        if (counts[s] == o.length) {
          o = offsets[s] = Arrays.copyOf(o, o.length * 2);
        }
        o[counts[s]++] = offset;
      }
    }
  }
}
