package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsSocialSecurityNumbersTest {
  @ParameterizedTest
  @CsvSource({
    "512-23-4411, true",
    "512234411, true",
    "000-23-4411, false",
    "666-23-4411, false",
    "900-23-4411, false",
    "999-23-4411, false",
    "899-23-4411, true",
    "512-00-4411, false",
    "512-23-0000, false",
    "078-05-1120, false",
    "219-09-9999, false",
    "111-11-1111, false",
    "12-345-6789, true"
  })
  void valid(String value, boolean expected) {
    assertThat(UsSocialSecurityNumbers.isValid(value)).isEqualTo(expected);
  }
}
