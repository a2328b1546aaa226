package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentCardsTest {
  @ParameterizedTest
  @CsvSource({
    "4556737586899855, true",
    "4556 7375 8689 9855, true",
    "4556-7375-8689-9855, true",
    "4556-7375 8689-9855, false",
    "4111111111111111, false",
    "5105105105105100, false",
    "5425233430109903, true",
    "2223000048410010, true",
    "379600000200006, true",
    "3796000002000060, false",
    "1234567890123452, false",
    "6011000990139424, false",
    "30569309025904, false",
    "4000000000000002, false"
  })
  void reportable(String value, boolean expected) {
    assertThat(PaymentCards.isReportable(value)).isEqualTo(expected);
  }
}
