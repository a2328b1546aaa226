package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The skipping scans of {@link Seeds} against plain definitions, on seeded random texts. */
class SeedsTest {

  static LongStream seeds() {
    return LongStream.range(1, 201);
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(400);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void digitRuns_equalsTheRunsOfDigitsAndSingleSeparators(long seed) {
    Random random = new Random(seed);
    String text = randomText(random, "0123456789012345678901234567890123456789 -- x.é");
    int min = 1 + random.nextInt(15);
    assertThat(Seeds.digitRuns(min, " -").regions(text))
        .as("min %d in '%s'", min, text)
        .isEqualTo(naiveDigitRuns(text, min, " -"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void runs_equalsTheRunsOfTheAlphabet(long seed) {
    Random random = new Random(seed);
    String text = randomText(random, "abcdefghijABCDEFGH0123456789/+ -=_.é\n");
    int min = 1 + random.nextInt(45);
    String alphabet = "abcdefghijABCDEFGH0123456789/+";
    RegionList expected = new RegionList();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && alphabet.indexOf(text.charAt(i)) >= 0) {
        i++;
      }
      if (i - start >= min) {
        expected.add(Math.max(0, start - 1), Math.min(text.length(), i + 1));
      }
      i = Math.max(i, start + 1);
    }
    assertThat(Seeds.runs(min, alphabet).regions(text))
        .as("min %d in '%s'", min, text)
        .isEqualTo(expected.toArray());
  }

  /**
   * The definition: every maximal run of digits with single separators between them, char by char.
   */
  private static int[] naiveDigitRuns(String text, int min, String separators) {
    RegionList out = new RegionList();
    int i = 0;
    while (i < text.length()) {
      if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int end = i;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
          i++;
          end = i;
        } else if (separators.indexOf(c) >= 0
            && i + 1 < text.length()
            && text.charAt(i + 1) >= '0'
            && text.charAt(i + 1) <= '9') {
          i++;
        } else {
          break;
        }
      }
      if (digits >= min) {
        out.add(Math.max(0, start - 1), Math.min(text.length(), end + 1));
      }
      i++;
    }
    return out.toArray();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void merge_coversWhatTheSpansCoverAndJoinsThoseThatTouch(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(40);
    int length = 1 + random.nextInt(300);
    long[] spans = new long[n + random.nextInt(5)]; // room past n is not read
    boolean[] covered = new boolean[length + 1];
    boolean[] startsHere = new boolean[length + 1];
    for (int i = 0; i < n; i++) {
      int start = random.nextInt(length);
      int end = start + random.nextInt(Math.min(40, length - start) + 1);
      spans[i] = ((long) start << 32) | end;
      for (int c = start; c < end; c++) {
        covered[c] = true;
      }
      startsHere[start] = true; // an empty span is kept as a region of its own
    }
    int[] merged = Seeds.merge(spans, n);

    // Reference: the maximal runs of covered chars, where spans that touch are one run, and the
    // empty spans that no other span covers or touches.
    java.util.List<Integer> expected = new java.util.ArrayList<>();
    int c = 0;
    while (c <= length) {
      if (covered[c]) {
        int from = c;
        while (c < length && covered[c]) {
          c++;
        }
        expected.add(from);
        expected.add(c);
      } else if (startsHere[c] && (c == 0 || !covered[c - 1])) {
        expected.add(c);
        expected.add(c);
        c++;
      } else {
        c++;
      }
    }
    assertThat(merged)
        .as("%d spans", n)
        .containsExactly(expected.stream().mapToInt(x -> x).toArray());
  }
}
