package dev.assay.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the engine on the labelled corpus and guards the committed scorecard: no identifier's
 * precision or recall may fall below its committed value. Run with {@code -Dscorecard.update=true}
 * to rewrite {@code scorecard.json} after an intended change, and review the diff.
 */
class ScorecardTest {
  private static final Path LABELLED = Path.of("labelled");
  private static final Path COMMITTED = Path.of("scorecard.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Evaluation.Result result;
  static Corpus corpus;

  @BeforeAll
  static void evaluate() throws Exception {
    corpus = Corpus.load(LABELLED);
    result = Evaluation.run(corpus, work);
    if (Boolean.getBoolean("scorecard.update")) {
      Files.writeString(
          COMMITTED,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.scorecard().toJson(JSON))
              + "\n");
    }
  }

  @Test
  void everyCatalogIdentifier_hasFivePositiveAndFiveNegativeSamples() {
    SoftAssertions softly = new SoftAssertions();
    Map<String, Scorecard.Score> scores = result.scorecard().byIdentifier();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      Scorecard.Score s = scores.get(id.id());
      softly.assertThat(s).as("samples for %s", id.id()).isNotNull();
      if (s != null) {
        softly
            .assertThat(s.positiveSamples())
            .as("positive samples for %s", id.id())
            .isGreaterThanOrEqualTo(5);
        softly
            .assertThat(s.negativeSamples())
            .as("negative samples for %s", id.id())
            .isGreaterThanOrEqualTo(5);
      }
    }
    softly.assertAll();
  }

  @Test
  void noIdentifier_fallsBelowTheCommittedScorecard() throws Exception {
    JsonNode committed = JSON.readTree(Files.readString(COMMITTED)).get("identifiers");
    SoftAssertions softly = new SoftAssertions();
    result
        .scorecard()
        .byIdentifier()
        .forEach(
            (id, s) -> {
              JsonNode c = committed.get(id);
              softly
                  .assertThat(c)
                  .as("%s is missing from scorecard.json (rerun with -Dscorecard.update=true)", id)
                  .isNotNull();
              if (c != null) {
                softly
                    .assertThat(s.precision())
                    .as("precision of %s; mismatches: %s", id, result.mismatches())
                    .isGreaterThanOrEqualTo(c.get("precision").asDouble() - 1e-4);
                softly
                    .assertThat(s.recall())
                    .as("recall of %s; mismatches: %s", id, result.mismatches())
                    .isGreaterThanOrEqualTo(c.get("recall").asDouble() - 1e-4);
              }
            });
    softly.assertAll();
  }

  @Test
  void samplesAreNamedAfterACatalogIdentifier_andLabelOnlyCatalogIdentifiers() {
    for (LabelledSample s : corpus.samples()) {
      assertThat(ManagedCatalog.find(Evaluation.subjectOf(s.id()))).as(s.id()).isPresent();
      for (String id : s.expect().keySet()) {
        assertThat(ManagedCatalog.find(id)).as("%s labels %s", s.id(), id).isPresent();
      }
    }
  }
}
