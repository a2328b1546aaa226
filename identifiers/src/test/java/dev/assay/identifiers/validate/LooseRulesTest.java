package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules behind the loosely defined identifiers: names, addresses, birth dates, phones,
 * coordinates.
 */
class LooseRulesTest {

  @ParameterizedTest
  @CsvSource({
    "Maria Silva, true",
    "Dear Maria Silva, true",
    "Thomas J. Müller, true",
    "Priya K. Sharma, true",
    "Dr. J. Wilson, true",
    "Benito Bianchi, true",
    "James Whitfield, true",
    "Maria Street, false",
    "George St, false",
    "The Silva, false",
    "New York, false",
    "Grand Piano, false",
    "Hanover Square, false",
    "Please Read, false"
  })
  void fullNames(String run, boolean expected) {
    assertThat(PersonNames.containsFullName(run)).as(run).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "742 Evergreen Terrace, Springfield, IL 62704 | true",
        "742 Evergreen Terrace, Springfield, IL 92704 | false",
        "350 Bay Street, Toronto, ON M5H 2S6 | true",
        "350 Bay Street, Toronto, BC M5H 2S6 | false",
        "4 George St, Parramatta NSW 2150 | true",
        "4 George St, Parramatta VIC 2150 | false",
        "18 Hanover Square, London W1S 1HX | true"
      })
  void addressRegionMatchesItsCode(String address, boolean expected) {
    assertThat(MailingAddresses.codeMatchesRegion(address)).as(address).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1984-03-07 | true",
        "07/03/1984 | true",
        "12/31/1984 | true",
        "31.12.1984 | true",
        "7 March 1984 | true",
        "March 7th, 1984 | true",
        "7 de marzo de 1984 | true",
        "07-Mar-1984 | true",
        "1984-13-07 | false",
        "31/02/1984 | false",
        "1850-03-07 | false",
        "2099-01-01 | false",
        "7 Foo 1984 | false"
      })
  void birthDates(String value, boolean expected) {
    assertThat(BirthDates.isPlausible(value)).as(value).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(206) 374-0143 | true | false",
        "+1 206 374 0143 | true | true",
        "001-518-640-0854 | true | true",
        "1-800-642-7676 | true | true",
        "345-899-3560x4587 | true | false",
        "(112) 448-2291 | false | false",
        "(411) 448-2291 | false | false",
        "206-000-0000 | false | false"
      })
  void northAmericanPhones(String value, boolean valid, boolean countryCode) {
    assertThat(PhoneNumbers.isNorthAmerican(value)).as(value).isEqualTo(valid);
    assertThat(PhoneNumbers.hasNorthAmericanCountryCode(value)).as(value).isEqualTo(countryCode);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+55 11 98765-4321 | true",
        "(21) 99812-3344 | true",
        "31 3456-7890 | true",
        "(01) 3456-7890 | false",
        "(21) 19812-3344 | false",
        "(21) 8812-3344 | false"
      })
  void brazilianPhones(String value, boolean valid) {
    assertThat(PhoneNumbers.isBrazilian(value)).as(value).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "41.948614,-87.655311 | true",
        "51.5007, -0.1246 | true",
        "91.5,10.0 | false",
        "45.0,181.0 | false",
        "0.00,0.00 | false"
      })
  void coordinates(String value, boolean expected) {
    assertThat(Coordinates.isValidPair(value)).as(value).isEqualTo(expected);
  }
}
