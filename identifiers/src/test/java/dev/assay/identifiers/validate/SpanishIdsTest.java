package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpanishIdsTest {

  @Test
  void aDniWithItsLetter_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            integers().between(1, 99_999_998), integers().between(0, 7), integers().between(1, 9))
        .check(
            (number, position, delta) -> {
              String valid = String.format("%08d", number) + SpanishIds.controlLetter(number);
              return SpanishIds.isValidDni(valid)
                  && SpanishIds.isValidPersonalNif(valid)
                  && !SpanishIds.isValidDni(Mutations.changeDigit(valid, position, delta));
            });
  }

  @Test
  void aNieWithItsLetter_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            integers().between(0, 2),
            integers().between(1, 9_999_999),
            integers().between(1, 7),
            integers().between(1, 9))
        .check(
            (series, number, position, delta) -> {
              String valid =
                  "XYZ".charAt(series)
                      + String.format("%07d", number)
                      + SpanishIds.controlLetter(series * 10_000_000L + number);
              return SpanishIds.isValidNie(valid)
                  && !SpanishIds.isValidNie(Mutations.changeDigit(valid, position, delta));
            });
  }

  @Test
  void aCifWithItsControl_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            integers().between(0, 16),
            integers().between(1, 9_999_999),
            integers().between(1, 7),
            integers().between(1, 9))
        .check(
            (type, number, position, delta) -> {
              char letter = "ABCDEFGHJNPQRSUVW".charAt(type);
              String digits = String.format("%07d", number);
              int control = SpanishIds.cifControlDigit(digits);
              String valid =
                  letter
                      + digits
                      + ("PQRSNW".indexOf(letter) >= 0
                          ? SpanishIds.cifControlLetter(control)
                          : (char) ('0' + control));
              return SpanishIds.isValidCif(valid)
                  && !SpanishIds.isValidCif(Mutations.changeDigit(valid, position, delta));
            });
  }

  @Test
  void aSocialSecurityNumberWithItsControl_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        // Numbers of 8 significant digits, and the first of them left alone: a change across
        // 10,000,000 switches how the number is read, which the rule does not guard.
        .forAll(
            integers().between(1, 52),
            integers().between(10_000_000, 99_999_999),
            integers().between(0, 10),
            integers().between(1, 9))
        .check(
            (province, number, position, delta) -> {
              String valid =
                  String.format(
                      "%02d%08d%02d",
                      province, number, SpanishIds.socialSecurityControl(province, number));
              String mutated =
                  Mutations.changeDigit(valid, position < 2 ? position : position + 1, delta);
              return SpanishIds.isValidSocialSecurityNumber(valid)
                  && !SpanishIds.isValidSocialSecurityNumber(mutated);
            });
  }

  @ParameterizedTest
  @CsvSource({
    "12345678Z, true",
    "12.345.678-Z, true",
    "12345678A, false",
    "00000000T, false",
    "99999999R, false",
    "1234567Z, false"
  })
  void dni(String value, boolean expected) {
    assertThat(SpanishIds.isValidDni(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "X1234567L, true",
    "Y-2345678-Z, true",
    "X1234567M, false",
    "X0000000T, false",
    "W1234567L, false"
  })
  void nie(String value, boolean expected) {
    assertThat(SpanishIds.isValidNie(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"K1234567L, true", "51928374D, true", "K1234567M, false", "X1234567L, false"})
  void personalNif(String value, boolean expected) {
    assertThat(SpanishIds.isValidPersonalNif(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "B12345674, true",
    "Q2818002D, true",
    "Q28180024, false",
    "A5839201A, false",
    "G37165297, true",
    "B12345675, false",
    "I12345674, false",
    "B00000000, false"
  })
  void cif(String value, boolean expected) {
    assertThat(SpanishIds.isValidCif(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "28/12345678/40, true",
    "281234567840, true",
    "460123456752, true",
    "281234567841, false",
    "000000000000, false"
  })
  void socialSecurityNumber(String value, boolean expected) {
    assertThat(SpanishIds.isValidSocialSecurityNumber(value)).isEqualTo(expected);
  }
}
