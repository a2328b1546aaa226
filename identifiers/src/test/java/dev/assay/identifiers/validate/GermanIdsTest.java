package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GermanIdsTest {

  /** Ten digits, first not 0, one digit twice and the rest distinct, from a seed. */
  static String taxIdPayload(long seed) {
    Random random = new Random(seed);
    while (true) {
      List<Integer> digits = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
      Collections.shuffle(digits, random);
      digits.set(9, digits.get(random.nextInt(9))); // drop one digit, repeat another
      Collections.shuffle(digits, random);
      if (digits.get(0) != 0) {
        StringBuilder sb = new StringBuilder();
        digits.forEach(sb::append);
        return sb.toString();
      }
    }
  }

  @Test
  void aTaxIdWithItsCheckDigit_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(integers().all(), integers().between(0, 10), integers().between(1, 9))
        .check(
            (seed, position, delta) -> {
              String payload = taxIdPayload(seed);
              String valid = payload + Iso7064.mod11_10CheckDigit(payload);
              return GermanIds.isValidTaxId(valid)
                  && !GermanIds.isValidTaxId(Mutations.changeDigit(valid, position, delta));
            });
  }

  @Test
  void aDocumentNumberWithItsCheckDigit_isValid_andAnySingleDigitChange_isNot() {
    String alphabet = "CFGHJKLMNPRTVWXYZ0123456789";
    qt().withExamples(500)
        .forAll(integers().all(), integers().between(0, 30), integers().between(1, 9))
        .check(
            (seed, position, delta) -> {
              Random random = new Random(seed);
              StringBuilder sb = new StringBuilder().append("CFGHJK".charAt(random.nextInt(6)));
              for (int i = 0; i < 8; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              sb.setCharAt(1 + random.nextInt(8), (char) ('0' + random.nextInt(10)));
              String valid = sb + Integer.toString(IcaoCheckDigits.checkDigit(sb));
              return GermanIds.isValidDocumentNumber(valid)
                  && !GermanIds.isValidDocumentNumber(
                      Mutations.changeDigit(valid, position, delta));
            });
  }

  @ParameterizedTest
  @CsvSource({
    "86095742719, true",
    "28 365 461 076, true",
    "28365461077, false",
    "06095742719, false",
    "12345678903, false",
    "11145678901, false",
    "00000000000, false"
  })
  void taxId(String value, boolean expected) {
    assertThat(GermanIds.isValidTaxId(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "L01X00T47, true",
    "L01X00T471, true",
    "L01X00T472, false",
    "LAB123456, false",
    "A01X00T47, false",
    "CFGHJKLMN, false"
  })
  void documentNumber(String value, boolean expected) {
    assertThat(GermanIds.isValidDocumentNumber(value)).isEqualTo(expected);
  }
}
