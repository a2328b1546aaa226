package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchIdsTest {

  @Test
  void aNirWithItsKey_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(integers().all(), integers().between(0, 14), integers().between(1, 9))
        .check(
            (seed, position, delta) -> {
              Random r = new Random(seed);
              String thirteen =
                  String.format(
                      "%d%02d%02d%02d%03d%03d",
                      1 + r.nextInt(2),
                      r.nextInt(100),
                      1 + r.nextInt(12),
                      1 + r.nextInt(95),
                      r.nextInt(1000),
                      1 + r.nextInt(999));
              String valid = thirteen + String.format("%02d", FrenchIds.nirKey(thirteen));
              String mutated = Mutations.changeDigit(valid, position, delta);
              return FrenchIds.isValidNir(valid) && !FrenchIds.isValidNir(mutated);
            });
  }

  @Test
  void aTaxNumberWithItsKey_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            longs().between(1L, 3_999_999_999L),
            integers().between(0, 12),
            integers().between(1, 9))
        .check(
            (ten, position, delta) -> {
              String first = String.format("%010d", ten);
              String valid = first + String.format("%03d", FrenchIds.taxNumberKey(first));
              return FrenchIds.isValidTaxNumber(valid)
                  && !FrenchIds.isValidTaxNumber(Mutations.changeDigit(valid, position, delta));
            });
  }

  @ParameterizedTest
  @CsvSource({
    "1 85 05 78 006 084 91, true", "185057800608491, true", "185052A00608435, true",
        "185052B00608435, false",
    "185057800608492, false", "685057800608491, false", "185057800000091, false",
        "185137800608491, false"
  })
  void nir(String value, boolean expected) {
    assertThat(FrenchIds.isValidNir(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "30 23 217 600 053, true",
    "3023217600054, false",
    "4023217600053, false",
    "0000000000000, false"
  })
  void taxNumber(String value, boolean expected) {
    assertThat(FrenchIds.isValidTaxNumber(value)).isEqualTo(expected);
  }
}
