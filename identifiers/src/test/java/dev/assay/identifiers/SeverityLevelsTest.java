package dev.assay.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeverityLevelsTest {
  private static final SeverityLevels EMP =
      SeverityLevels.of(
          List.of(
              new SeverityLevel(50, Severity.HIGH),
              new SeverityLevel(1, Severity.LOW),
              new SeverityLevel(10, Severity.MEDIUM)));

  @Test
  void levels_applyFromTheirThresholdToTheNext() {
    assertThat(EMP.levelFor(0)).isEmpty();
    assertThat(EMP.levelFor(1)).contains(Severity.LOW);
    assertThat(EMP.levelFor(3)).contains(Severity.LOW);
    assertThat(EMP.levelFor(9)).contains(Severity.LOW);
    assertThat(EMP.levelFor(10)).contains(Severity.MEDIUM);
    assertThat(EMP.levelFor(12)).contains(Severity.MEDIUM);
    assertThat(EMP.levelFor(49)).contains(Severity.MEDIUM);
    assertThat(EMP.levelFor(50)).contains(Severity.HIGH);
  }

  @Test
  void belowLowestThreshold_givesNoFinding() {
    SeverityLevels levels = SeverityLevels.of(List.of(new SeverityLevel(5, Severity.HIGH)));
    assertThat(levels.levelFor(4)).isEqualTo(Optional.empty());
    assertThat(levels.levelFor(5)).contains(Severity.HIGH);
  }

  @Test
  void noLevels_isMediumAtAnyCount() {
    assertThat(SeverityLevels.defaultLevels().levelFor(1)).contains(Severity.MEDIUM);
    assertThat(SeverityLevels.defaultLevels().levelFor(10_000)).contains(Severity.MEDIUM);
  }

  @Test
  void invalidLevels_areRejected() {
    assertThatThrownBy(
            () ->
                SeverityLevels.of(
                    List.of(
                        new SeverityLevel(10, Severity.LOW), new SeverityLevel(10, Severity.HIGH))))
        .isInstanceOf(DefinitionException.class);
    assertThatThrownBy(
            () ->
                SeverityLevels.of(
                    List.of(
                        new SeverityLevel(10, Severity.LOW), new SeverityLevel(5, Severity.HIGH))))
        .isInstanceOf(DefinitionException.class);
    assertThatThrownBy(
            () ->
                SeverityLevels.of(
                    List.of(
                        new SeverityLevel(1, Severity.LOW), new SeverityLevel(5, Severity.LOW))))
        .isInstanceOf(DefinitionException.class);
  }

  @Test
  void managedProfile_bucketsAre1_2to99_100plus() {
    SeverityProfile p = new SeverityProfile(Severity.LOW, Severity.MEDIUM, Severity.HIGH);
    assertThat(p.levelFor(1)).isEqualTo(Severity.LOW);
    assertThat(p.levelFor(2)).isEqualTo(Severity.MEDIUM);
    assertThat(p.levelFor(99)).isEqualTo(Severity.MEDIUM);
    assertThat(p.levelFor(100)).isEqualTo(Severity.HIGH);
  }
}
