package dev.assay.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each boundary of the documented ranges: -1, 1, 1-49, 50, 51-100, and the override's 100. */
class SensitivityScoreTest {
  private static SensitivityScore of(
      long objects, long analysed, long failed, long sensitive, Map<String, Long> occurrences) {
    return SensitivityScore.of(
        new SensitivityScore.Profile(objects, analysed, failed, sensitive, occurrences, false));
  }

  @Test
  void anEmptyBucketScoresOne() {
    assertThat(of(0, 0, 0, 0, Map.of())).isEqualTo(new SensitivityScore(1, "Not sensitive"));
  }

  @Test
  void aBucketWithNothingAnalysedYetScoresFifty() {
    assertThat(of(10, 0, 0, 0, Map.of())).isEqualTo(new SensitivityScore(50, "Not yet analyzed"));
  }

  @Test
  void aBucketWhoseAnalysesAllFailedIsAClassificationError() {
    assertThat(of(10, 0, 3, 0, Map.of()))
        .isEqualTo(new SensitivityScore(-1, "Classification error"));
    // one successful analysis is enough to score it
    assertThat(of(10, 1, 3, 0, Map.of()).score()).isBetween(1, 49);
  }

  @Test
  void cleanDataScoresBelowFiftyAndFallsTowardOneAsMoreIsAnalysed() {
    SensitivityScore little = of(1000, 1, 0, 0, Map.of());
    SensitivityScore half = of(1000, 500, 0, 0, Map.of());
    SensitivityScore all = of(1000, 1000, 0, 0, Map.of());
    assertThat(little.score()).isEqualTo(49);
    assertThat(half.score()).isEqualTo(25);
    assertThat(all.score()).isEqualTo(1);
    assertThat(all.label()).isEqualTo("Not sensitive");
  }

  @Test
  void anySensitiveDataScoresAboveFiftyAndMoreScoresHigher() {
    SensitivityScore one = of(1000, 1000, 0, 1, Map.of("USA_SOCIAL_SECURITY_NUMBER", 1L));
    SensitivityScore many =
        of(100, 100, 0, 90, Map.of("USA_SOCIAL_SECURITY_NUMBER", 900L, "CREDIT_CARD_NUMBER", 90L));
    SensitivityScore everything =
        of(10, 10, 0, 10, Map.of("A", 1000L, "B", 1000L, "C", 1000L, "D", 1000L));
    assertThat(one.score())
        .isEqualTo(51 + Math.round(49 * (0.6 * 0.001 + 0.25 * 0.25 + 0.15 * Math.log10(2) / 3)));
    assertThat(one.label()).isEqualTo("Sensitive");
    assertThat(many.score()).isGreaterThan(one.score()).isLessThan(100);
    assertThat(everything.score()).isEqualTo(100);
  }

  @Test
  void anOverrideAssignsTheMaximum() {
    assertThat(SensitivityScore.of(new SensitivityScore.Profile(10, 10, 0, 0, Map.of(), true)))
        .isEqualTo(new SensitivityScore(100, "Sensitive"));
  }

  @Test
  void labelsFollowTheRanges() {
    assertThat(SensitivityScore.labelOf(-1)).isEqualTo("Classification error");
    assertThat(SensitivityScore.labelOf(1)).isEqualTo("Not sensitive");
    assertThat(SensitivityScore.labelOf(49)).isEqualTo("Not sensitive");
    assertThat(SensitivityScore.labelOf(50)).isEqualTo("Not yet analyzed");
    assertThat(SensitivityScore.labelOf(51)).isEqualTo("Sensitive");
    assertThat(SensitivityScore.labelOf(100)).isEqualTo("Sensitive");
  }
}
