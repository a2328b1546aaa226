package dev.assay.identifiers.detect;

import com.gliwka.hyperscan.wrapper.CompileErrorException;
import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Expression;
import com.gliwka.hyperscan.wrapper.ExpressionFlag;
import com.gliwka.hyperscan.wrapper.Match;
import com.gliwka.hyperscan.wrapper.Scanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Hyperscan, where its native library loads (Linux, macOS and Windows on x86_64), as a prefilter
 * for the patterns that need no keyword: one pass over a text with all of them finds where each can
 * match, and re2j then runs only there, so the occurrences are exactly the ones re2j alone finds
 * (Hyperscan reports every match, overlapping ones included; re2j decides which ones count, with
 * Macie's leftmost-first semantics). Patterns Hyperscan cannot compile are left to the pure-Java
 * path. It is off unless the system property {@code assay.hyperscan=true} turns it on: compiling
 * the database for the whole catalog takes Hyperscan tens of seconds (the name, address and IBAN
 * patterns are large), which a short scan would never win back.
 *
 * <p>The database is immutable and shared; each thread has its own scratch space. Thread-safe.
 */
final class NativeSeeds {
  private final Database database;
  private final int groups;
  private final ThreadLocal<Scanner> scanners;

  private NativeSeeds(Database database, int groups) {
    this.database = database;
    this.groups = groups;
    this.scanners =
        ThreadLocal.withInitial(
            () -> {
              Scanner s = new Scanner();
              s.allocScratch(database);
              return s;
            });
  }

  /** Whether Hyperscan is wanted and loads on this machine. */
  static boolean available() {
    if (!"true".equalsIgnoreCase(System.getProperty("assay.hyperscan"))) {
      return false;
    }
    try {
      return Scanner.getIsValidPlatform();
    } catch (Throwable e) { // UnsatisfiedLinkError and friends: no native library here
      return false;
    }
  }

  /**
   * Compiles {@code regexes} (null entries are skipped); returns null when none compiles. {@code
   * compiled[i]} tells whether pattern {@code i} is covered.
   */
  static NativeSeeds compile(List<String> regexes, boolean[] compiled) {
    List<Expression> expressions = new ArrayList<>();
    for (int i = 0; i < regexes.size(); i++) {
      String regex = regexes.get(i);
      if (regex != null) {
        Expression e =
            new Expression(regex, EnumSet.of(ExpressionFlag.SOM_LEFTMOST, ExpressionFlag.UTF8), i);
        if (e.validate().isValid()) {
          expressions.add(e);
        }
      }
    }
    // Compile everything at once (slow for a large set, so only once); only if that fails, find
    // the patterns Hyperscan rejects one by one and leave them to re2j.
    Database database = compileAll(expressions);
    if (database == null) {
      List<Expression> accepted = new ArrayList<>();
      for (Expression e : expressions) {
        Database one = compileAll(List.of(e));
        if (one != null) {
          one.close();
          accepted.add(e);
        }
      }
      expressions = accepted;
      database = compileAll(expressions);
    }
    if (database == null) {
      return null;
    }
    for (Expression e : expressions) {
      compiled[e.getId()] = true;
    }
    return new NativeSeeds(database, regexes.size());
  }

  private static Database compileAll(List<Expression> expressions) {
    if (expressions.isEmpty()) {
      return null;
    }
    try {
      return Database.compile(expressions);
    } catch (CompileErrorException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Regions per pattern: {@code regions[i]} is the sorted, merged {@code [start, end)} pairs where
   * pattern {@code i} matches in {@code text} (with one char of context after each), or an empty
   * array.
   */
  int[][] regions(CharSequence text) {
    String s = text.toString();
    List<Match> matches = scanners.get().scan(database, s);
    int[][] out = new int[groups][];
    int[] counts = new int[groups];
    for (Match m : matches) {
      int id = m.getMatchedExpression().getId();
      int start = (int) m.getStartPosition();
      int end = Math.min(s.length(), (int) m.getEndPosition() + 2);
      int[] r = out[id];
      int n = counts[id];
      if (r == null) {
        r = out[id] = new int[8];
      }
      if (n + 2 > r.length) {
        r = out[id] = Arrays.copyOf(r, r.length * 2);
      }
      r[n] = start;
      r[n + 1] = end;
      counts[id] = n + 2;
    }
    for (int i = 0; i < groups; i++) {
      out[i] = out[i] == null ? new int[0] : sortMerge(out[i], counts[i]);
    }
    return out;
  }

  /** Hyperscan reports matches by end offset, so starts can come out of order: sort and merge. */
  private static int[] sortMerge(int[] pairs, int n) {
    long[] spans = new long[n / 2];
    for (int i = 0; i < n; i += 2) {
      spans[i / 2] = ((long) pairs[i] << 32) | pairs[i + 1];
    }
    return Seeds.merge(spans, spans.length);
  }
}
