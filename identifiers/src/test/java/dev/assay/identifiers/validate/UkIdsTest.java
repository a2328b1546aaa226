package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkIdsTest {

  /**
   * The UTR's mod-11 remainder maps onto ten check digits, remainders 0 and 9 (and 1 and 10)
   * sharing one, so not every payload change is caught; a changed check digit always is.
   */
  @Test
  void aUtrWithItsCheckDigit_isValid_andAChangedCheckDigit_isNot() {
    qt().withExamples(500)
        .forAll(integers().between(1, 999_999_999), integers().between(1, 9))
        .check(
            (number, delta) -> {
              String nine = String.format("%09d", number);
              String valid = UkIds.utrCheckDigit(nine) + nine;
              return Digits.allSame(valid)
                  || (UkIds.isValidUtr(valid)
                      && !UkIds.isValidUtr(Mutations.changeDigit(valid, 0, delta)));
            });
  }

  @ParameterizedTest
  @CsvSource({
    "JG103759A, true",
    "JG 10 37 59 A, true",
    "PX123456C, true",
    "QQ123456C, false",
    "DA123456A, false",
    "AO123456A, false",
    "GB123456A, false",
    "NK123456A, false",
    "ZZ123456A, false",
    "JG103759E, false",
    "JG000000A, false"
  })
  void nino(String value, boolean expected) {
    assertThat(UkIds.isValidNino(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "22345 67890, true",
    "9987654321K, true",
    "1234567890, false",
    "0000000000, false",
    "223456789, false"
  })
  void utr(String value, boolean expected) {
    assertThat(UkIds.isValidUtr(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "MORGA753116SM9IJ, true", "JONES710238HJ9AB, true", "SMI99751203J99AB, true",
        "MORGA713116SM9IJ, false",
    "MORGA753326SM9IJ, false", "MO9GA753116SM9IJ, false", "MORGA753116S99IJ, true",
        "MORGA753116SM9I1, false"
  })
  void drivingLicence(String value, boolean expected) {
    assertThat(UkIds.isValidDrivingLicence(value)).isEqualTo(expected);
  }
}
