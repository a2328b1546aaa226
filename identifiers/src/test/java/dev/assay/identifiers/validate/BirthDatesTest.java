package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BirthDates#isPlausible} against its definition: the text with ordinals, "de", commas and
 * ". " taken out, split at runs of {@code [ /.-]} into day, month and year in the orders it lists,
 * a real calendar date from 1900 to {@link BirthDates#LATEST_YEAR}. The fast reading of dates in
 * digits must give the definition's answer on every text, numeric or not.
 */
class BirthDatesTest {

  /** The rule as written: regexes, String.split and LocalDate. */
  private static boolean definition(String value) {
    String[] parts =
        value
            .replaceAll("(?<=\\d)(?:st|nd|rd|th)\\b", "")
            .replace(" de ", " ")
            .replace(",", " ")
            .replace(". ", " ")
            .split("[ /.\\-]+");
    if (parts.length != 3) {
      return false;
    }
    try {
      if (parts[0].length() == 4) {
        return valid(Integer.parseInt(parts[0]), monthOf(parts[1]), Integer.parseInt(parts[2]));
      }
      int year = Integer.parseInt(parts[2]);
      if (!isNumber(parts[0])) {
        return valid(year, BirthDates.month(parts[0]), Integer.parseInt(parts[1]));
      }
      if (!isNumber(parts[1])) {
        return valid(year, BirthDates.month(parts[1]), Integer.parseInt(parts[0]));
      }
      int a = Integer.parseInt(parts[0]);
      int b = Integer.parseInt(parts[1]);
      return valid(year, b, a) || valid(year, a, b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int monthOf(String part) {
    return isNumber(part) ? Integer.parseInt(part) : BirthDates.month(part);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static boolean valid(int year, int month, int day) {
    if (year < 1900 || year > BirthDates.LATEST_YEAR) {
      return false;
    }
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  @Test
  void numericAndWrittenDates_seeded_agreeWithTheDefinition() {
    SplittableRandom random = new SplittableRandom(1984);
    String[] pieces = {
      "",
      "0",
      "7",
      "07",
      "12",
      "13",
      "29",
      "31",
      "32",
      "1899",
      "1900",
      "1984",
      "2000",
      "2030",
      "2031",
      "0000000007",
      "12345678901",
      "२०२०",
      "March",
      "mar.",
      "de",
      "7th",
      "1st",
      ",",
      " ",
      "/",
      ".",
      "-",
      "--",
      ". ",
      "x"
    };
    int plausible = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(7);
      for (int k = 0; k < n; k++) {
        b.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextInt(3) > 0) {
          b.append(" /.-".charAt(random.nextInt(4)));
        }
      }
      String value = b.toString().strip();
      boolean expected = definition(value);
      assertThat(BirthDates.isPlausible(value)).as("'%s'", value).isEqualTo(expected);
      plausible += expected ? 1 : 0;
    }
    assertThat(plausible).as("plausible dates drawn").isGreaterThan(1000);
  }

  @Test
  void everyDayOfSomeYears_inEveryNumericForm() {
    for (int year : new int[] {1899, 1900, 1984, 2000, 2024, 2030, 2031}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          for (String form :
              new String[] {
                "%d-%02d-%02d", "%3$02d/%2$02d/%1$d", "%2$d.%3$d.%1$d", "%3$d %2$d %1$d"
              }) {
            String value = String.format(form, year, month, day);
            assertThat(BirthDates.isPlausible(value)).as(value).isEqualTo(definition(value));
          }
        }
      }
    }
  }
}
