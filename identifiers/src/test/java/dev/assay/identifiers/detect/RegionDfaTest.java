package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RegionDfa} against re2j: a search that starts where the DFA says finds exactly the matches
 * re2j finds from the region's start, for every managed pattern and for patterns that use each
 * construct the DFA follows, on seeded random texts with case, word-boundary, surrogate and newline
 * traps, in random regions.
 */
class RegionDfaTest {
  /** Constructs the DFA follows, each where re2j's meaning has a trap. */
  static final List<String> CONSTRUCTS =
      List.of(
          "\\bab\\b",
          "\\Bb\\d",
          "(?i)kiss",
          "(?i)[a-z]{2}\\d",
          "(?i:s)K",
          "(?i)[^k]s",
          "[^a]{2}b",
          "a.c",
          "(?s)a.c",
          "x{2,4}y",
          "(?:ab|a)(?:bc|c)?d",
          "\\d+(?:\\.\\d+)?",
          "[[:alpha:]]{2}\\d",
          "\\x41\\x{1F600}",
          "é{2}",
          "[é😀]b",
          ".{3}z",
          "\\w+@\\w+",
          "\\s\\d{2}\\s",
          "[\\d-]{3,}",
          "a|b\\b|c",
          "(a|ab)(c|bcd)(d*)",
          "\\W\\d\\b",
          "_\\b",
          "\\S{2}\\b",
          "z[^\\n]{0,3}z",
          "(?i)é",
          "(?i)[åß]",
          "(?i)ÿ\\d",
          "[-a]b",
          "[a-]b",
          "[]a]b",
          "x*?y",
          "(?:a+)+b",
          "(?U)a+b",
          "(?i)\\pL",
          "[\\pL\\d]x",
          "[^😀].",
          ".c",
          "a?.c",
          "[a-c]{3}",
          "ab|cd",
          "(?:a|bc)d",
          "\\bk\\d{2}\\b",
          "\\b\\p{Lu}\\p{Ll}+",
          "\\p{L}+\\d",
          "[\\p{L}'-]{2,}x",
          "\\P{L}\\d",
          "[^\\p{Lu}]b",
          "a[bc]*d",
          "(?:ab)+c",
          "\\p{Greek}+",
          "\\p{^Lu}a",
          "\\pN\\pL",
          "\\w+\\s+\\p{Lu}\\w*",
          ".+c",
          "[^a]+b",
          "\\P{L}+\\d",
          ".*?x",
          "\\d{3,6}\\b",
          "\\b\\w{1,3}\\b",
          "(?:ab|abcd)\\b",
          "[a-d]{1,4}\\B\\d",
          "a?(?:ab)?c?",
          "(?:a|ab)(?:c|bcd)?",
          "(?:x|xy)+z?",
          "\\w+?x",
          "[a-c]*?b",
          "(?:ab?)+?c",
          "(?i:a)(?U)b+c",
          "\\d{2,4}?\\b",
          "(?:\\d{3}|\\d{2})(?:-\\d+)?");

  private static final String ALPHABET =
      "aAbBcCdkKsSxyzéÉåÅäÄ0123456789 _-.@\n\t\u212A\u017F\u212B\u00DF\u1E9E\u00FF\u0178";

  static String randomText(Random random, List<String> pieces, int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      int pick = random.nextInt(10);
      if (pick < 5 && !pieces.isEmpty()) {
        String piece = pieces.get(random.nextInt(pieces.size()));
        int from = random.nextInt(piece.length());
        sb.append(piece, from, Math.min(piece.length(), from + 1 + random.nextInt(30)));
      } else if (pick == 5) {
        sb.append("\uD83D\uDE00"); // a surrogate pair
      } else if (pick == 6) {
        sb.append(random.nextBoolean() ? '\uD800' : '\uDC00'); // a lone surrogate
      } else if (pick == 7) {
        sb.append(
            random.nextBoolean() ? "\uD835\uDC00" : "αβΓ"); // a letter beyond the plane, Greek
      } else {
        for (int i = random.nextInt(6); i >= 0; i--) {
          sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
    }
    return sb.toString();
  }

  /** {@code count} random texts of {@code least} to {@code least + spread - 1} chars. */
  private static List<String> randomTexts(
      Random random, List<String> pieces, int count, int least, int spread) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(randomText(random, pieces, least + random.nextInt(spread)));
    }
    return texts;
  }

  /** Adds every managed pattern to {@code regexes} and its samples to {@code pieces}. */
  private static void addManaged(List<String> regexes, List<String> pieces) {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      regexes.add(id.criteria().regex());
      pieces.addAll(id.positives());
      pieces.addAll(id.negatives());
    }
  }

  /** re2j from {@code from} on the text cut at {@code to}, as the detector searches a region. */
  static List<String> plain(Pattern pattern, String text, int from, int to) {
    Matcher m = pattern.matcher(text.substring(0, to));
    List<String> out = new ArrayList<>();
    int searchFrom = from;
    while (searchFrom <= to && m.find(searchFrom)) {
      out.add(m.start() + "-" + m.end());
      searchFrom = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return out;
  }

  /**
   * The detector's search with the DFA ({@link RegionDfa#next}), without the fixed-length shortcut.
   */
  static List<String> narrowed(
      Pattern pattern, RegionDfa dfa, int longest, String text, int from, int to) {
    return narrowed(pattern, dfa, longest, 0, text, from, to);
  }

  static List<String> narrowed(
      Pattern pattern, RegionDfa dfa, int longest, int fixed, String text, int from, int to) {
    Matcher m = pattern.matcher(text.substring(0, to));
    List<String> out = new ArrayList<>();
    int searchFrom = from;
    while (searchFrom <= to) {
      long match = dfa.next(m, text, searchFrom, to, longest, fixed);
      if (match < 0) {
        break;
      }
      int s = (int) (match >>> 32);
      int e = (int) match;
      out.add(s + "-" + e);
      searchFrom = e > s ? e : e + 1;
    }
    return out;
  }

  @Test
  void followsEveryManagedPattern() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      assertThat(RegionDfa.of(id.criteria().regex())).as(id.id()).isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\p{NoSuchClass}",
        "(?i)\\p{Lu}",
        "^a",
        "a$",
        "\\Qa\\E",
        "a\\z",
        "a*",
        "(?i)ā",
        "\\b"
      })
  void declines_whatItDoesNotFollow_orWhatMatchesTheEmptyText(String regex) {
    assertThat(RegionDfa.of(regex)).isNull();
  }

  @Test
  void narrowedSearch_findsExactlyWhatRe2jFinds() {
    List<String> regexes = new ArrayList<>(CONSTRUCTS);
    List<String> pieces = new ArrayList<>();
    addManaged(regexes, pieces);
    Random random = new Random(1_201_2026);
    List<String> texts = randomTexts(random, pieces, 120, 50, 400);
    texts.addAll(pieces);
    long matches = 0;
    int patterns = 0;
    int fixedLength = 0;
    for (String regex : regexes) {
      RegionDfa dfa = RegionDfa.of(regex);
      if (dfa == null) {
        continue;
      }
      patterns++;
      Pattern pattern = Pattern.compile(regex);
      int longest = MatchLength.max(regex);
      int fixed = MatchLength.fixed(regex);
      fixedLength += fixed > 0 ? 1 : 0;
      for (String text : texts) {
        for (int r = 0; r < 3; r++) {
          int from = r == 0 ? 0 : random.nextInt(text.length() + 1);
          int to = r == 0 ? text.length() : from + random.nextInt(text.length() - from + 1);
          List<String> expected = plain(pattern, text, from, to);
          matches += expected.size();
          assertThat(narrowed(pattern, dfa, longest, text, from, to))
              .as("%s on [%d, %d) of %s", regex, from, to, escaped(text))
              .isEqualTo(expected);
          assertThat(narrowed(pattern, dfa, longest, fixed, text, from, to))
              .as("fixed %d: %s on [%d, %d) of %s", fixed, regex, from, to, escaped(text))
              .isEqualTo(expected);
        }
      }
    }
    assertThat(patterns).isGreaterThan(180);
    assertThat(fixedLength).isGreaterThan(20);
    assertThat(matches).isGreaterThan(10_000);
  }

  @Test
  void union_tellsWhichOfItsPatternsMatch_asRe2jWould() {
    List<String> regexes = new ArrayList<>();
    List<String> pieces = new ArrayList<>();
    for (String regex : CONSTRUCTS) {
      if (RegionDfa.of(regex) != null) {
        regexes.add(regex);
      }
    }
    addManaged(regexes, pieces);
    Random random = new Random(7_12_2026);
    List<String> texts = randomTexts(random, pieces, 60, 5, 120);
    for (int i = 0; i < 200; i++) {
      texts.add(pieces.get(random.nextInt(pieces.size())));
    }
    int unions = 0;
    int bitsSet = 0;
    int bitsClear = 0;
    for (int u = 0; u < 60; u++) {
      int size = u == 0 ? RegionDfa.UNION_MAX : 1 + random.nextInt(12);
      List<String> members = new ArrayList<>(regexes);
      Collections.shuffle(members, random);
      members = members.subList(0, size);
      RegionDfa union = RegionDfa.union(members);
      if (union == null) {
        continue;
      }
      unions++;
      List<Pattern> patterns = members.stream().map(Pattern::compile).toList();
      for (String text : texts) {
        int from = random.nextInt(4) == 0 ? random.nextInt(text.length() + 1) : 0;
        int to =
            random.nextInt(4) == 0
                ? from + random.nextInt(text.length() - from + 1)
                : text.length();
        int expected = 0;
        for (int p = 0; p < size; p++) {
          if (!plain(patterns.get(p), text, from, to).isEmpty()) {
            expected |= 1 << p;
          }
        }
        int found = union.matchingPatterns(text, from, to);
        if (found != -1) { // -1: grown as large as it may, every pattern may match
          assertThat(Integer.toBinaryString(found))
              .as("%s on [%d, %d) of %s", members, from, to, escaped(text))
              .isEqualTo(Integer.toBinaryString(expected));
          bitsSet += Integer.bitCount(found);
          bitsClear += size - Integer.bitCount(found);
        }
      }
    }
    assertThat(unions).isGreaterThan(50);
    assertThat(bitsSet).isGreaterThan(1000);
    assertThat(bitsClear).isGreaterThan(10_000);
  }

  @Test
  void aUnionThatExplodes_saysEveryPatternMayMatch() {
    RegionDfa union = RegionDfa.union(List.of("a[ab]{12}c", "zz"));
    Random random = new Random(5);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 50_000; k++) {
      sb.append(random.nextBoolean() ? 'a' : 'b');
    }
    assertThat(union.matchingPatterns(sb, 0, sb.length())).isEqualTo(-1);
    assertThat(union.stateCount()).as("states kept, bounded").isBetween(900, 1000);
    assertThat(RegionDfa.union(List.of("a*", "b"))).isNull();
    assertThat(RegionDfa.union(List.of("^a", "b"))).isNull();
  }

  @Test
  void theOrderedDfa_endsWhereRe2jPrefers_withoutRe2j() {
    List<String> regexes = new ArrayList<>(CONSTRUCTS);
    List<String> pieces = new ArrayList<>();
    addManaged(regexes, pieces);
    Random random = new Random(12_07);
    List<String> texts = randomTexts(random, pieces, 80, 30, 200);
    texts.addAll(pieces);
    int answered = 0;
    int unknown = 0;
    int ordered = 0;
    for (String regex : regexes) {
      RegionDfa dfa = RegionDfa.of(regex);
      if (dfa == null || RegionDfa.mayBeLazy(regex) || MatchLength.fixed(regex) > 0) {
        continue;
      }
      ordered++;
      Pattern pattern = Pattern.compile(regex);
      for (String text : texts) {
        for (String match : plain(pattern, text, 0, text.length())) {
          int start = Integer.parseInt(match.substring(0, match.indexOf('-')));
          int end = Integer.parseInt(match.substring(match.indexOf('-') + 1));
          int found = dfa.preferredEndFrom(text, start, text.length());
          if (found == RegionDfa.UNKNOWN) {
            unknown++;
          } else {
            assertThat(found).as("%s from %d of %s", regex, start, escaped(text)).isEqualTo(end);
            answered++;
          }
        }
      }
    }
    assertThat(ordered).isGreaterThan(100);
    assertThat(answered).isGreaterThan(5_000);
    assertThat(unknown).isLessThan(answered / 100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a*?b", "a+?", "a??b", "a{2,3}?", "(?U)a+", "(?iU)a+", "(?sU:a)"})
  void aRegexThatMayBeLazy_isLeftToRe2j(String regex) {
    assertThat(RegionDfa.mayBeLazy(regex)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a*b", "a?b", "(?i)UNIT", "(?:U)+", "\\d{2,3}"})
  void aGreedyRegex_isNotTakenForLazy(String regex) {
    assertThat(RegionDfa.mayBeLazy(regex)).isFalse();
  }

  @Test
  void narrowedStart_neverSplitsASurrogatePair() {
    // The earliest match ends at 5 and the longest is 4 chars, so the search would start at 1,
    // inside the pair, where re2j would take the lone low surrogate for [^😀] and match [1, 3).
    String regex = "[^😀].";
    String text = "😀c😀";
    Pattern pattern = Pattern.compile(regex);
    assertThat(plain(pattern, text, 0, text.length())).containsExactly("2-5");
    assertThat(
            narrowed(pattern, RegionDfa.of(regex), MatchLength.max(regex), text, 0, text.length()))
        .containsExactly("2-5");
  }

  @Test
  void aPatternWhoseDfaExplodes_stopsGrowing_andLeavesTheSearchToRe2j() {
    // The DFA must remember the last 13 letters: 2^13 states, past the bound.
    String regex = "a[ab]{12}c";
    Pattern pattern = Pattern.compile(regex);
    RegionDfa dfa = RegionDfa.of(regex);
    Random random = new Random(3);
    for (int i = 0; i < 40; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 2000; k++) {
        sb.append(random.nextInt(50) == 0 ? 'c' : random.nextBoolean() ? 'a' : 'b');
      }
      String text = sb.toString();
      assertThat(narrowed(pattern, dfa, 14, text, 0, text.length()))
          .isEqualTo(plain(pattern, text, 0, text.length()));
    }
    assertThat(dfa.stateCount()).isBetween(1000, 1001);
  }

  @Test
  void sharedByThreads_answersAsAlone() throws Exception {
    String regex = "\\b\\d{3}-\\d{2}-\\d{4}\\b";
    Pattern pattern = Pattern.compile(regex);
    RegionDfa shared = RegionDfa.of(regex);
    Random seed = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add(randomText(seed, List.of("512-23-4411", "ssn 431-58-2207 ", "12-345-6789"), 300));
    }
    onFourThreads(
        () -> {
          for (String text : texts) {
            assertThat(narrowed(pattern, shared, 11, text, 0, text.length()))
                .isEqualTo(plain(pattern, text, 0, text.length()));
          }
        });
  }

  @Test
  void aUnionSharedByThreads_answersAsAlone() throws Exception {
    List<String> regexes = new ArrayList<>();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      if (id.id().contains("PHONE_NUMBER") || id.id().contains("BANK_ACCOUNT_NUMBER")) {
        regexes.add(id.criteria().regex());
      }
    }
    List<String> members = regexes.subList(0, Math.min(RegionDfa.UNION_MAX, regexes.size()));
    List<Pattern> patterns = members.stream().map(Pattern::compile).toList();
    Random seed = new Random(8);
    List<String> texts = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String text =
          randomText(
              seed, List.of("+44 20 7946 0958", "(647) 555-7450", "DE89370400440532013000"), 40);
      texts.add(text);
      int bits = 0;
      for (int p = 0; p < patterns.size(); p++) {
        bits |= plain(patterns.get(p), text, 0, text.length()).isEmpty() ? 0 : 1 << p;
      }
      expected.add(bits);
    }
    RegionDfa shared = RegionDfa.union(members);
    onFourThreads(
        () -> {
          for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            assertThat(shared.matchingPatterns(text, 0, text.length())).isEqualTo(expected.get(i));
          }
        });
    assertThat(members).hasSizeGreaterThan(5);
  }

  /** Runs {@code body} on four threads at once; fails with what any of them threw. */
  private static void onFourThreads(Runnable body) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      threads.add(
          new Thread(
              () -> {
                try {
                  body.run();
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
  }

  private static String escaped(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.toString();
  }
}
