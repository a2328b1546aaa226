package dev.assay.identifiers.managed;

import dev.assay.identifiers.detect.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a phone number can count without a keyword. Macie counts a phone number without a keyword
 * nearby only when it carries its country code (the keyword table of "Managed data identifiers for
 * PII"), so such a number begins with the code: the pattern need only run around those literals,
 * and around the keywords for the others.
 */
final class PhoneSeeds {
  private PhoneSeeds() {}

  /**
   * How far a number runs from the start of its country code: the longest national number written
   * with separators, "(0)" and an extension stays well under it.
   */
  static final int REACH = 40;

  /** {@code +CC} or {@code 00CC}, the two ways to write a country code. */
  static Seeds countryCode(String countryCode) {
    return Seeds.around(REACH, "+" + countryCode, "00" + countryCode);
  }

  /**
   * North America: {@code +1}, {@code 001}, or a leading {@code 1} with a separator
   * (1-800-555-0199, 1 (206) 555-0143), which the pattern follows with an area code: a digit or a
   * parenthesis.
   */
  static Seeds northAmerica() {
    // The pattern has \b before 001 and before a leading 1.
    List<String> literals = new ArrayList<>(List.of("+1", "\\b001"));
    for (char separator : new char[] {' ', '.', '-'}) {
      literals.add("\\b1" + separator + "(");
      for (char digit = '0'; digit <= '9'; digit++) {
        literals.add("\\b1" + separator + digit);
      }
    }
    return Seeds.around(REACH, literals.toArray(String[]::new));
  }
}
