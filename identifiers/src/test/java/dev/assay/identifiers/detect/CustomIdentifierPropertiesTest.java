package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityLevel;
import dev.assay.identifiers.SeverityLevels;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Property tests that pin Macie's custom identifier rules at their boundaries ("Configuration
 * options for custom data identifiers"): keyword distance measured from the end of the keyword to
 * the end of the match, ignore words, full-match allow lists, severity thresholds.
 */
class CustomIdentifierPropertiesTest {

  private static CustomDataIdentifier code(int distance, List<String> ignore) {
    return CustomDataIdentifier.define(
        null, "code", null, "CODE-[0-9A-Z]{2,8}", List.of("project code"), ignore, distance, null);
  }

  @Test
  void keyword_endingExactlyMaximumMatchDistanceBeforeTheMatchEnd_counts_oneMoreDoesNot() {
    qt().withExamples(300)
        .forAll(integers().between(1, 300), integers().between(2, 8), integers().between(0, 3))
        .checkAssert(
            (distance, digits, variant) -> {
              String value = "CODE-" + "7".repeat(digits);
              String keyword =
                  List.of("project code", "Project_Code", "PROJECT-CODE", "projectcode")
                      .get(variant);
              Detector d = Detector.of(List.of(code(distance, List.of())), List.of());
              int gap = distance - value.length();
              if (gap >= 1) { // at least one separator: a keyword must stand as a whole word
                String at = keyword + " ".repeat(gap) + value;
                assertThat(d.scan(at, FieldContext.NONE)).as("gap %d", gap).hasSize(1);
              }
              String beyond = keyword + " ".repeat(Math.max(0, gap + 1)) + value;
              assertThat(d.scan(beyond, FieldContext.NONE)).as("gap %d", gap + 1).isEmpty();
              // The keyword after the match never counts for a custom identifier.
              assertThat(d.scan(value + " " + keyword, FieldContext.NONE)).isEmpty();
            });
  }

  @Test
  void ignoreWord_anywhereInTheMatch_caseSensitive_suppresses() {
    qt().withExamples(200)
        .forAll(integers().between(0, 4), integers().between(0, 1))
        .checkAssert(
            (position, upper) -> {
              String word = upper == 1 ? "TEST" : "test";
              String value =
                  "CODE-" + "ABCD".substring(0, position) + "TEST" + "WXYZ".substring(position);
              value = value.substring(0, Math.min(value.length(), 13));
              Detector d = Detector.of(List.of(code(50, List.of(word))), List.of());
              List<Candidate> found = d.scan("project code " + value, FieldContext.NONE);
              boolean contains = value.contains(word);
              assertThat(found.isEmpty())
                  .as("%s with ignore word %s", value, word)
                  .isEqualTo(contains);
            });
  }

  @Test
  void allowList_mustMatchTheWholeOccurrence() {
    CustomDataIdentifier c = code(50, List.of());
    Detector words =
        Detector.of(List.of(c), List.of(AllowList.words("w", "w", List.of("code-1234"))));
    assertThat(words.scan("project code CODE-1234", FieldContext.NONE)).isEmpty();
    assertThat(words.scan("project code CODE-12345", FieldContext.NONE)).hasSize(1);
    Detector regex = Detector.of(List.of(c), List.of(AllowList.regex("r", "r", "CODE-12")));
    assertThat(regex.scan("project code CODE-12", FieldContext.NONE)).isEmpty();
    assertThat(regex.scan("project code CODE-123", FieldContext.NONE)).hasSize(1);
  }

  @Test
  void severity_atEachThresholdEdge() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 1000), integers().between(1, 1000), integers().between(1, 1000))
        .checkAssert(
            (low, toMedium, toHigh) -> {
              int medium = low + toMedium;
              int high = medium + toHigh;
              SeverityLevels levels =
                  SeverityLevels.of(
                      List.of(
                          new SeverityLevel(low, Severity.LOW),
                          new SeverityLevel(medium, Severity.MEDIUM),
                          new SeverityLevel(high, Severity.HIGH)));
              assertThat(levels.levelFor(low - 1)).isEqualTo(Optional.empty());
              assertThat(levels.levelFor(low)).contains(Severity.LOW);
              assertThat(levels.levelFor(medium - 1)).contains(Severity.LOW);
              assertThat(levels.levelFor(medium)).contains(Severity.MEDIUM);
              assertThat(levels.levelFor(high - 1)).contains(Severity.MEDIUM);
              assertThat(levels.levelFor(high)).contains(Severity.HIGH);
              assertThat(levels.levelFor(high + 1000)).contains(Severity.HIGH);
            });
  }

  @Test
  void seedExample_employeeIds_lowFor3_mediumFor12() {
    SeverityLevels levels =
        SeverityLevels.of(
            List.of(
                new SeverityLevel(1, Severity.LOW),
                new SeverityLevel(10, Severity.MEDIUM),
                new SeverityLevel(50, Severity.HIGH)));
    assertThat(levels.levelFor(3)).contains(Severity.LOW);
    assertThat(levels.levelFor(12)).contains(Severity.MEDIUM);
  }
}
