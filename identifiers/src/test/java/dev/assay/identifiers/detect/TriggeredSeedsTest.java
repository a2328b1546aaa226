package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds whose automata run in the keyword pass ({@link Seeds.Triggered}), on seeded random texts:
 *
 * <ul>
 *   <li>each seed's regions from where its automaton fires equal those of its own scan;
 *   <li>the product automaton, stepped in the keyword pass (one walk or two, with and without
 *       literals), fires exactly where each seed's own automaton fires, and the keyword hits stay
 *       those of the definition;
 *   <li>every match of NAME's pattern lies inside one of its seeds' regions.
 * </ul>
 */
class TriggeredSeedsTest {

  static LongStream seeds() {
    return LongStream.range(1, 301);
  }

  /**
   * Capitals, lower case, marks and separators of names, digits and card separators, and non-ASCII
   * of every case.
   */
  private static final String[] PIECES = {
    "A",
    "M",
    "Z",
    "a",
    "n",
    "z",
    "'",
    "’",
    "-",
    ".",
    " ",
    " ",
    " ",
    "  ",
    "0",
    "4",
    "9",
    "-",
    "\n",
    ",",
    ":",
    "=",
    "É",
    "é",
    "ß",
    "ǅ",
    "中",
    "Ⓐ",
    "\uD835\uDC00" /* 𝐀, a capital outside the BMP */,
    "\uD835\uDC1A" /* 𝐚 */,
    "Anna",
    "Smith",
    "O'Brien",
    "Dr.",
    "INFO",
    "00Z",
    "de",
    "4556",
    "7375",
    "8689",
    "9855",
    "/",
    "+",
    "x"
  };

  private static String randomText(Random random, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** The catalog's triggered seeds, and a few more counted runs. */
  private static List<Seeds.Triggered> triggered(Random random) {
    Set<Seeds.Triggered> out = new LinkedHashSet<>();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      if (id.criteria().seeds() instanceof Seeds.Triggered t) {
        out.add(t);
      }
    }
    out.add((Seeds.Triggered) Seeds.digitRuns(1 + random.nextInt(15), " -."));
    out.add((Seeds.Triggered) Seeds.runs(1 + random.nextInt(12), "abnzAMZ0"));
    return new ArrayList<>(out);
  }

  /** Where {@code t}'s own automaton fires over all of {@code text}. */
  private static int[] fires(Seeds.Triggered t, CharSequence text) {
    int[] fired = new int[text.length()];
    int n = 0;
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      state = t.next(state, t.classOf(text.charAt(i)));
      if (t.fires(state)) {
        fired[n++] = i;
      }
    }
    return Arrays.copyOf(fired, n);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void regionsFromFires_equalTheSeedsOwnScan(long seed) {
    Random random = new Random(seed);
    String text = randomText(random, random.nextInt(300));
    for (Seeds.Triggered t : triggered(random)) {
      int[] fired = fires(t, text);
      assertThat(t.regionsAt(text, fired, fired.length))
          .as("%s in '%s'", t, text)
          .isEqualTo(t.regions(text));
    }
  }

  /**
   * Regression: a capital that is not a letter (Ⓐ, Other_Uppercase) starts a first word for the
   * seeds' own scan; reading back from where the automaton fired stopped before it.
   */
  @org.junit.jupiter.api.Test
  void aCapitalThatIsNotALetter_startsTheRunAsInTheOwnScan() {
    Seeds.Triggered name =
        (Seeds.Triggered) ManagedCatalog.find("NAME").orElseThrow().criteria().seeds();
    for (String text : List.of("xxⒶnna Smith", "9 nⒶnnaÉ ǅ'7", "Ⓐnna Smith")) {
      int[] fired = fires(name, text);
      assertThat(name.regionsAt(text, fired, fired.length)).as(text).isEqualTo(name.regions(text));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void keywordPass_firesWhereEachAutomatonFires(long seed) {
    Random random = new Random(seed);
    List<Seeds.Triggered> seeds = triggered(random);
    TriggerAutomaton product = TriggerAutomaton.of(seeds);
    assertThat(product).isNotNull();
    // Long enough, often, for the two-walk pass, whose second walk starts after a char that resets.
    String text =
        randomText(
            random, random.nextInt(2) == 0 ? random.nextInt(200) : 600 + random.nextInt(1500));
    char[] array = new char[text.length() + 9];
    text.getChars(0, text.length(), array, 4);
    CharArrayText window = new CharArrayText(array, 4, text.length());
    List<String> literals = List.of("anna", "info", "4556", "de", "z", "o'b");
    KeywordIndex index = new KeywordIndex(literals);
    for (KeywordIndex withIndex : Arrays.asList(index, null)) {
      TriggerAutomaton.Fired fired = new TriggerAutomaton.Fired(product.seeds());
      List<String> hits = new ArrayList<>();
      KeywordIndex.scan(
          withIndex,
          window,
          (literal, start, end) -> hits.add(literal + "@" + start + "-" + end),
          product,
          fired);
      for (int s = 0; s < seeds.size(); s++) {
        assertThat(Arrays.copyOf(fired.offsets[s], fired.counts[s]))
            .as(
                "seed %s, with literals %s, text of %d chars",
                seeds.get(s), withIndex != null, text.length())
            .isEqualTo(fires(seeds.get(s), text));
      }
      if (withIndex != null) {
        List<String> expected = new ArrayList<>();
        index.scan(
            text,
            0,
            text.length(),
            (literal, start, end) -> expected.add(literal + "@" + start + "-" + end));
        hits.sort(null);
        expected.sort(null);
        assertThat(hits).isEqualTo(expected);
      }
    }
  }

  /**
   * One keyword index stepped in lockstep with one product automaton, then another: the classes it
   * packs for the first (keyword class and trigger class in one int) must not serve the second.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneIndex_withTwoProducts_firesAsEachSeed(long seed) {
    Random random = new Random(seed);
    KeywordIndex index = new KeywordIndex(List.of("anna", "4556", "de", "z"));
    String text = randomText(random, 600 + random.nextInt(1500));
    for (int round = 0; round < 2; round++) {
      // Other chars in each round, so that the two products class chars differently.
      List<Seeds.Triggered> seeds =
          List.of(
              (Seeds.Triggered) Seeds.digitRuns(1 + random.nextInt(15), round == 0 ? " -." : "/"),
              (Seeds.Triggered)
                  Seeds.runs(1 + random.nextInt(12), round == 0 ? "abnzAMZ0" : "Zz9x'"));
      TriggerAutomaton product = TriggerAutomaton.of(seeds);
      TriggerAutomaton.Fired fired = new TriggerAutomaton.Fired(product.seeds());
      KeywordIndex.scan(index, CharArrayText.of(text), (literal, start, end) -> {}, product, fired);
      for (int s = 0; s < seeds.size(); s++) {
        assertThat(Arrays.copyOf(fired.offsets[s], fired.counts[s]))
            .as("round %d, seed %s", round, seeds.get(s))
            .isEqualTo(fires(seeds.get(s), text));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyNameMatch_liesInAnItsSeedsRegion(long seed) {
    Random random = new Random(seed);
    ManagedDataIdentifier name = ManagedCatalog.find("NAME").orElseThrow();
    Seeds.Triggered seeds = (Seeds.Triggered) name.criteria().seeds();
    String text = randomText(random, random.nextInt(400));
    int[] fired = fires(seeds, text);
    int[] regions = seeds.regionsAt(text, fired, fired.length);
    Matcher m = name.criteria().pattern().matcher(text);
    while (m.find()) {
      boolean inside = false;
      for (int r = 0; r < regions.length && !inside; r += 2) {
        inside = regions[r] <= m.start() && m.end() <= regions[r + 1];
      }
      assertThat(inside)
          .as(
              "'%s' at %d in '%s', regions %s",
              m.group(), m.start(), text, Arrays.toString(regions))
          .isTrue();
    }
  }
}
