package dev.assay.identifiers.validate;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Dates that can be a living or recent person's date of birth, in the formats people write them:
 * ISO {@code 1984-03-07}, {@code 1984/03/07}, numeric day-month or month-day with {@code /}, {@code
 * -}, {@code .} or a space and a 4-digit year ({@code 07/03/1984}, {@code 3-7-1984}), and with an
 * English, Spanish, French, German or Portuguese month name or its 3-letter abbreviation ({@code 7
 * March 1984}, {@code March 7, 1984}, {@code 07-Mar-1984}). A numeric date is accepted when it is a
 * real calendar date in either day-month or month-day order. The year must lie between 1900 and
 * {@link #LATEST_YEAR}: birth dates, not dates of events in the future. Stateless.
 */
public final class BirthDates {
  private BirthDates() {}

  /** The latest plausible year of birth; a fixed bound, so results never depend on the clock. */
  public static final int LATEST_YEAR = 2030;

  private static final Map<String, Integer> MONTHS = months();

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new HashMap<>();
    String[][] names = {
      {"january", "jan", "enero", "ene", "janvier", "janv", "januar", "janeiro"},
      {"february", "feb", "febrero", "février", "fevrier", "févr", "fev", "februar", "fevereiro"},
      {"march", "mar", "marzo", "mars", "märz", "marz", "março", "marco"},
      {"april", "apr", "abril", "abr", "avril", "avr"},
      {"may", "mayo", "mai", "maio"},
      {"june", "jun", "junio", "juin", "juni", "junho"},
      {"july", "jul", "julio", "juillet", "juil", "juli", "julho"},
      {"august", "aug", "agosto", "ago", "août", "aout"},
      {"september", "sep", "sept", "septiembre", "septembre", "setembro", "set"},
      {"october", "oct", "octubre", "octobre", "oktober", "okt", "outubro", "out"},
      {"november", "nov", "noviembre", "novembre", "novembro"},
      {
        "december",
        "dec",
        "diciembre",
        "dic",
        "décembre",
        "decembre",
        "déc",
        "dezember",
        "dez",
        "dezembro"
      }
    };
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
    }
    return Map.copyOf(m);
  }

  /**
   * The month number of an English, Spanish, French, German or Portuguese month name; 0 if none.
   */
  public static int month(String name) {
    return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).replace(".", ""), 0);
  }

  private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(?:st|nd|rd|th)\\b");
  private static final Pattern SEPARATORS = Pattern.compile("[ /.\\-]+");

  /** Whether {@code value}, a date in one of the formats above, can be a date of birth. */
  public static boolean isPlausible(CharSequence value) {
    int numeric = numericDate(value);
    if (numeric != NOT_NUMERIC) {
      return numeric == 1;
    }
    String[] parts =
        SEPARATORS.split(
            ORDINAL
                .matcher(value)
                .replaceAll("")
                .replace(" de ", " ")
                .replace(",", " ")
                .replace(". ", " "));
    if (parts.length != 3) {
      return false;
    }
    try {
      if (parts[0].length() == 4) {
        return valid(Integer.parseInt(parts[0]), monthOf(parts[1]), Integer.parseInt(parts[2]));
      }
      int year = Integer.parseInt(parts[2]);
      if (!isNumber(parts[0])) {
        return valid(year, month(parts[0]), Integer.parseInt(parts[1]));
      }
      if (!isNumber(parts[1])) {
        return valid(year, month(parts[1]), Integer.parseInt(parts[0]));
      }
      int a = Integer.parseInt(parts[0]);
      int b = Integer.parseInt(parts[1]);
      return valid(year, b, a) || valid(year, a, b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static final int NOT_NUMERIC = -1;

  /**
   * The answer for a date written in digits and separators only ({@code 1984-03-07}, {@code
   * 07/03/1984}), the form a CSV or a log holds by the thousand, without the regexes the general
   * rule needs: 1 if plausible, 0 if not, {@link #NOT_NUMERIC} for any other text.
   */
  private static int numericDate(CharSequence value) {
    int n = value.length();
    if (n == 0 || !isDigit(value.charAt(0))) {
      return NOT_NUMERIC;
    }
    int[] fields = new int[3];
    int[] digits = new int[3];
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = value.charAt(i);
      if (isDigit(c)) {
        if (count == 3) {
          return 0; // a fourth number
        }
        int v = 0;
        int start = i;
        while (i < n && isDigit(value.charAt(i))) {
          v = v * 10 + (value.charAt(i) - '0'); // 9 digits at most are kept, below
          i++;
        }
        if (i - start > 9) {
          return NOT_NUMERIC; // may or may not be an int: the general rule decides
        }
        fields[count] = v;
        digits[count++] = i - start;
      } else if (c == ' ' || c == '/' || c == '.' || c == '-') {
        i++;
      } else {
        return NOT_NUMERIC;
      }
    }
    if (count != 3) {
      return 0;
    }
    if (digits[0] == 4) {
      return valid(fields[0], fields[1], fields[2]) ? 1 : 0;
    }
    return valid(fields[2], fields[1], fields[0]) || valid(fields[2], fields[0], fields[1]) ? 1 : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int monthOf(String part) {
    return isNumber(part) ? Integer.parseInt(part) : month(part);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static boolean valid(int year, int month, int day) {
    if (year < 1900 || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= YearMonth.of(year, month).lengthOfMonth();
  }
}
