package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Aho-Corasick pass against the definition (every literal at every offset, case folded char by
 * char), on seeded random literals and texts long enough for the two-walk scan, read as a window of
 * a larger array ({@link CharArrayText}, as the detector passes every text) and as any other
 * CharSequence (a String, a StringBuilder).
 */
class KeywordIndexTest {

  static LongStream seeds() {
    return LongStream.range(1, 121);
  }

  private static final String ALPHABET = "abcdeABCDE 0123-_éÉ";

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void findsEveryLiteralAtEveryOffset(long seed) {
    Random random = new Random(seed);
    List<String> literals = new ArrayList<>();
    for (int k = 1 + random.nextInt(30); k > 0; k--) {
      literals.add(randomText(random, 1 + random.nextInt(6)).toLowerCase(Locale.ROOT));
    }
    literals = new ArrayList<>(new LinkedHashSet<>(literals));
    if (literals.stream().anyMatch(String::isBlank) && random.nextBoolean()) {
      literals.removeIf(String::isBlank);
    }
    if (literals.isEmpty()) {
      literals.add("ab");
    }
    KeywordIndex index = new KeywordIndex(literals);
    String text = randomText(random, random.nextInt(6000));
    List<String> expected = naive(literals, text);

    assertThat(hits(index, text)).as("String").isEqualTo(expected);
    char[] array = new char[text.length() + 11];
    text.getChars(0, text.length(), array, 5);
    assertThat(hits(index, new CharArrayText(array, 5, text.length())))
        .as("array window")
        .isEqualTo(expected);
    assertThat(hits(index, new StringBuilder(text))).as("other CharSequence").isEqualTo(expected);
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** Hits as "literal@start-end", sorted, so that report order does not matter. */
  private static List<String> hits(KeywordIndex index, CharSequence text) {
    List<String> out = new ArrayList<>();
    index.scan(
        text,
        0,
        text.length(),
        (literal, start, end) -> out.add(literal + "@" + start + "-" + end));
    out.sort(null);
    return out;
  }

  private static List<String> naive(List<String> literals, String text) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < literals.size(); l++) {
      String lit = literals.get(l);
      for (int at = 0; at + lit.length() <= text.length(); at++) {
        boolean match = true;
        for (int k = 0; k < lit.length() && match; k++) {
          match = Character.toLowerCase(text.charAt(at + k)) == lit.charAt(k);
        }
        if (match) {
          out.add(l + "@" + at + "-" + (at + lit.length()));
        }
      }
    }
    out.sort(null);
    return out;
  }
}
