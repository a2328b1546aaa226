package dev.assay.identifiers;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
  private final int[] next; // state * alphabet + class -> state
  private final int[][] outputs; // per state, literal ids ending here (own and inherited)

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

    // Build the trie with goto lists, then the full transition table by BFS.
    List<int[]> gotoTable = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    gotoTable.add(new int[alphabet]);
    own.add(new ArrayList<>());
    for (int i = 0; i < literals.length; i++) {
      int state = 0;
      for (int k = 0; k < literals[i].length(); k++) {
        int cls = classOf[literals[i].charAt(k)];
        int to = gotoTable.get(state)[cls];
        if (to == 0) {
          to = gotoTable.size();
          gotoTable.add(new int[alphabet]);
          own.add(new ArrayList<>());
          gotoTable.get(state)[cls] = to;
        }
        state = to;
      }
      own.get(state).add(i);
    }
    int states = gotoTable.size();
    next = new int[states * alphabet];
    int[] fail = new int[states];
    outputs = new int[states][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    outputs[0] = new int[0];
    for (int cls = 0; cls < alphabet; cls++) {
      int to = gotoTable.get(0)[cls];
      next[cls] = to;
      if (to != 0) {
        fail[to] = 0;
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int[] merged = merge(own.get(s), outputs[fail[s]]);
      outputs[s] = merged;
      for (int cls = 0; cls < alphabet; cls++) {
        int to = gotoTable.get(s)[cls];
        if (to != 0) {
          fail[to] = next[fail[s] * alphabet + cls];
          queue.add(to);
          next[s * alphabet + cls] = to;
        } else {
          next[s * alphabet + cls] = next[fail[s] * alphabet + cls];
        }
      }
    }
  }

  private static int[] merge(List<Integer> own, int[] inherited) {
    int[] out = Arrays.copyOf(inherited, inherited.length + own.size());
    for (int i = 0; i < own.size(); i++) {
      out[inherited.length + i] = own.get(i);
    }
    return out;
  }

  int size() {
    return literals.length;
  }

  int literalLength(int literal) {
    return literals[literal].length();
  }

  /** Reports every occurrence of every literal in {@code text[from, to)}. */
  void scan(CharSequence text, int from, int to, Hits hits) {
    int state = 0;
    final int[] table = next;
    final char[] classes = classOf;
    final int width = alphabet;
    for (int i = from; i < to; i++) {
      state = table[state * width + classes[text.charAt(i)]];
      int[] out = outputs[state];
      if (out.length != 0) {
        for (int literal : out) {
          hits.hit(literal, i + 1 - literals[literal].length(), i + 1);
        }
      }
    }
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
