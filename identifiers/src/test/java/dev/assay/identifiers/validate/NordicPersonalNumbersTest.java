package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NordicPersonalNumbersTest {

  @Test
  void aHetuWithItsControlChar_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            integers().between(0, 40_000),
            integers().between(2, 899),
            integers().between(0, 8),
            integers().between(1, 9))
        .check(
            (days, individual, position, delta) -> {
              LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(days);
              String date =
                  String.format(
                      "%02d%02d%02d",
                      birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
              char sign = birth.getYear() >= 2000 ? 'A' : '-';
              String number = String.format("%03d", individual);
              String valid =
                  date + sign + number + NordicPersonalNumbers.hetuControl(date + number);
              String mutated =
                  Mutations.changeDigit(valid.substring(0, 10), position, delta) + valid.charAt(10);
              return NordicPersonalNumbers.isValidHetu(valid)
                  && !NordicPersonalNumbers.isValidHetu(mutated);
            });
  }

  @Test
  void aPersonnummerWithItsLuhnDigit_isValid_andAnySingleDigitChange_isNot() {
    qt().withExamples(500)
        .forAll(
            integers().between(0, 30_000),
            integers().between(0, 999),
            integers().between(0, 9),
            integers().between(1, 9))
        .check(
            (days, serial, position, delta) -> {
              LocalDate birth = LocalDate.of(1940, 3, 1).plusDays(days);
              String date =
                  String.format(
                      "%02d%02d%02d",
                      birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth());
              String nine = date + String.format("%03d", serial);
              String ten = nine + Luhn.checkDigit(nine);
              String valid = ten.substring(0, 6) + "-" + ten.substring(6);
              return NordicPersonalNumbers.isValidPersonnummer(valid)
                  && !NordicPersonalNumbers.isValidPersonnummer(
                      Mutations.changeDigit(valid, position, delta));
            });
  }

  @ParameterizedTest
  @CsvSource({
    "131052-308T, true",
    "010594Y2865, true",
    "110908A045V, true",
    "131052-308U, false",
    "311352-308T, false",
    "131052-000T, false",
    "010594Y986R, false"
  })
  void hetu(String value, boolean expected) {
    assertThat(NordicPersonalNumbers.isValidHetu(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "811228-9874, true",
    "19811228-9874, true",
    "198112289874, true",
    "811228-9875, false",
    "811328-9874, false",
    "8112289874, false"
  })
  void personnummer(String value, boolean expected) {
    assertThat(NordicPersonalNumbers.isValidPersonnummer(value)).isEqualTo(expected);
  }
}
