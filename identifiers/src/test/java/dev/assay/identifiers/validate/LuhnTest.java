package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class LuhnTest {

  @Test
  void aPayloadWithItsCheckDigit_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            longs().between(100_000_000_000L, 999_999_999_999_999L),
            integers().between(0, 14),
            integers().between(1, 9))
        .check(
            (payload, position, delta) -> {
              String p = Long.toString(payload);
              String valid = p + Luhn.checkDigit(p);
              int at = position % valid.length();
              char changed = (char) ('0' + (valid.charAt(at) - '0' + delta) % 10);
              String mutated = valid.substring(0, at) + changed + valid.substring(at + 1);
              return Luhn.isValid(valid) && !Luhn.isValid(mutated);
            });
  }

  @Test
  void knownValues() {
    assertThat(Luhn.isValid("4556737586899855")).isTrue();
    assertThat(Luhn.isValid("4556737586899856")).isFalse();
    assertThat(Luhn.isValid("79927398713")).isTrue();
    assertThat(Luhn.isValid("7992739871x")).isFalse();
  }
}
