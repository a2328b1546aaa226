package dev.assay.identifiers.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefilter (keywords, literal seeds, hand-written seeds, keyword regions sized by the longest
 * match) must find exactly what a search of the whole text finds, on long texts where the samples
 * of every identifier sit among log lines, prose, numbers and capitalised words, so that regions
 * start and end in all sorts of places. Seeded, so a failure names the seed that reproduces it.
 */
class PrefilterEquivalenceTest {
  private static final List<ManagedDataIdentifier> CATALOG = ManagedCatalog.all();
  private static final Detector PREFILTERED = Detector.of(CATALOG, List.of());
  private static final Detector FULL = Detector.withoutPrefilter(CATALOG, List.of());

  private static final List<String> SAMPLES = new ArrayList<>();

  static {
    for (ManagedDataIdentifier id : CATALOG) {
      SAMPLES.addAll(id.positives());
      SAMPLES.addAll(id.negatives());
    }
  }

  private static final String[] WORDS = {
    "the",
    "of",
    "and",
    "request",
    "first",
    "have",
    "string",
    "during",
    "St",
    "Street",
    "Main",
    "Via",
    "rue",
    "Place",
    "Hauptstraße",
    "Ring",
    "Maria",
    "Silva",
    "Dr.",
    "James",
    "O'Brien",
    "New",
    "York",
    "IBAN",
    "GB82",
    "DE89",
    "+1",
    "+44",
    "001",
    "1",
    "phone",
    "tel",
    "card",
    "ssn",
    "account",
    "number",
    "SE1",
    "Berlin",
    "Paris",
    "Toronto",
    "ON",
    "IL",
    "CA"
  };

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void prefilter_findsWhatAFullSearchFinds(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    while (text.length() < 6000) {
      switch (random.nextInt(6)) {
        case 0, 1 -> text.append(SAMPLES.get(random.nextInt(SAMPLES.size())));
        case 2 -> {
          for (int w = random.nextInt(12); w >= 0; w--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
          }
        }
        case 3 -> {
          for (int d = 4 + random.nextInt(20); d > 0; d--) {
            text.append((char) ('0' + random.nextInt(10)));
            if (random.nextInt(5) == 0) {
              text.append(" -./".charAt(random.nextInt(4)));
            }
          }
        }
        case 4 ->
            text.append(
                String.format(
                    "2024-06-%02dT12:%02d:00Z INFO request_id=%08x ",
                    1 + random.nextInt(28), random.nextInt(60), random.nextInt()));
        default -> text.append(random.nextInt(200));
      }
      text.append(new String[] {" ", "\n", ", ", "; ", "\t", "", " \n"}[random.nextInt(7)]);
    }
    List<Candidate> prefiltered = PREFILTERED.scan(text, FieldContext.NONE);
    List<Candidate> full = FULL.scan(text, FieldContext.NONE);
    assertThat(prefiltered).as("seed %d", seed).containsExactlyElementsOf(full);
  }
}
