package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItalianFiscalCodesTest {

  static String payload(long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append((char) ('A' + r.nextInt(26)));
    }
    sb.append(String.format("%02d", r.nextInt(100)));
    sb.append("ABCDEHLMPRST".charAt(r.nextInt(12)));
    int day = 1 + r.nextInt(31) + (r.nextBoolean() ? 40 : 0);
    sb.append(String.format("%02d", day));
    sb.append((char) ('A' + r.nextInt(26)));
    sb.append(String.format("%03d", r.nextInt(1000)));
    return sb.toString();
  }

  @Test
  void aCodeWithItsControlChar_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(integers().all(), integers().between(0, 6), integers().between(1, 9))
        .check(
            (seed, position, delta) -> {
              String fifteen = payload(seed);
              String valid = fifteen + ItalianFiscalCodes.controlChar(fifteen);
              return ItalianFiscalCodes.isValid(valid)
                  && !ItalianFiscalCodes.isValid(Mutations.changeDigit(valid, position, delta));
            });
  }

  @ParameterizedTest
  @CsvSource({
    "RSSMRA85T10A562S, true", "rssmra85t10a562s, true", "BNCGLI80A41H501C, true",
        "RSSMRA85T10A56NH, true",
    "RSSMRA85T10A562T, false", "RSSMRA85T10A56NS, false", "RSSMRA85F10A562S, false",
        "RSSMRA85T35A562S, false",
    "RSSMRA85T10A562, false"
  })
  void known(String value, boolean expected) {
    assertThat(ItalianFiscalCodes.isValid(value)).isEqualTo(expected);
  }
}
