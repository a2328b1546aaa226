package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** MagneticStripes, CardExpirationDates and Digits.standsApart. */
class CardDataValidatorsTest {

  @Test
  void aTrackWithALuhnValidPanAndAValidMonth_isValid_andAChangedPanDigitIsNot() {
    qt().withExamples(500)
        .forAll(
            longs().between(400_000_000_000_000L, 499_999_999_999_999L),
            integers().between(1, 12),
            integers().between(0, 14))
        .check(
            (payload, month, at) -> {
              String p = Long.toString(payload);
              String pan = p + Luhn.checkDigit(p);
              String yymm = String.format("29%02d", month);
              char changed = (char) ('0' + (pan.charAt(at) - '0' + 3) % 10);
              String badPan = pan.substring(0, at) + changed + pan.substring(at + 1);
              return MagneticStripes.isValidTrack("%B" + pan + "^DOE/J^" + yymm + "1010000?")
                  && MagneticStripes.isValidTrack(";" + pan + "=" + yymm + "101000?")
                  && !MagneticStripes.isValidTrack(";" + badPan + "=" + yymm + "101000?");
            });
  }

  @Test
  void aTrackWithMonthOutOfRange_isNotValid() {
    assertThat(MagneticStripes.isValidTrack(";4556737586899855=2709101?")).isTrue();
    assertThat(MagneticStripes.isValidTrack(";4556737586899855=2713101?")).isFalse();
    assertThat(MagneticStripes.isValidTrack(";4556737586899855=2700101?")).isFalse();
    assertThat(MagneticStripes.isValidTrack("%B4556737586899855^DOE/J^2700101?")).isFalse();
  }

  private static boolean expiration(String text, String value) {
    int at = text.indexOf(value);
    return CardExpirationDates.accepts(text, at, at + value.length());
  }

  @Test
  void aBareYearOrMonth_needsItsExpFieldNameRightBefore() {
    assertThat(expiration("expY=2026", "2026")).isTrue();
    assertThat(expiration("{\"exp_m\": \"02\"}", "02")).isTrue();
    assertThat(expiration("expM=2026", "2026")).isFalse();
    assertThat(expiration("expiry in 2026", "2026")).isFalse();
    assertThat(expiration("expiry: 3", "3")).isFalse();
    assertThat(expiration("expiry 02/26", "02/26")).isTrue();
    assertThat(expiration("expiry 01/02/26", "02/26")).isFalse();
  }

  @Test
  void standsApart_rejectsOneGroupOfASpaceGroupedNumber() {
    assertThat(Digits.standsApart("cvv 123 ok", 4, 7)).isTrue();
    assertThat(Digits.standsApart("4556 7375 8689", 5, 9)).isFalse();
    assertThat(Digits.standsApart("a 123-4", 2, 5)).isFalse();
    assertThat(Digits.standsApart("x123", 1, 4)).isFalse();
  }
}
