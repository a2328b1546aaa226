package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {
  private static final List<String> COUNTRIES = Iban.countries().stream().sorted().toList();
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** IBAN lengths from the SWIFT IBAN registry: facts to compare the structure table with. */
  private static final Map<String, Integer> REGISTRY_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("BA", 20),
          Map.entry("BG", 22),
          Map.entry("BR", 29),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("MC", 27),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NL", 18),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RS", 22),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("SN", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VG", 24),
          Map.entry("XK", 20));

  @Test
  void lengths_areThoseOfTheRegistry() {
    assertThat(Iban.countries()).containsExactlyInAnyOrderElementsOf(REGISTRY_LENGTHS.keySet());
    REGISTRY_LENGTHS.forEach(
        (country, length) -> assertThat(Iban.length(country)).as(country).isEqualTo(length));
  }

  /** Examples published in the SWIFT IBAN registry and by national banks. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
        "IT60X0542811101000000123456",
        "ES9121000418450200051332",
        "NL91ABNA0417164300",
        "CH9300762011623852957",
        "SE4550000000058398257466",
        "PL61109010140000071219812874",
        "FI2112345600000785",
        "DK5000400440116243",
        "IE29AIBK93115212345678"
      })
  void publishedExamples_areValid(String iban) {
    assertThat(Iban.isValid(iban)).isTrue();
  }

  @Test
  void rejects_unknownCountry_wrongLength_wrongStructure_andUnissuedCheckDigits() {
    assertThat(Iban.isValid("US89370400440532013000")).isFalse();
    assertThat(Iban.isValid("DE8937040044053201300")).isFalse();
    assertThat(Iban.isValid("DE89370400440532013000 0")).isFalse();
    // NL wants four letters first; the same characters with a digit there are not a Dutch IBAN.
    assertThat(Iban.isValid("NL91ABN00417164300")).isFalse();
    assertThat(Iban.isValid("")).isFalse();
    assertThat(Iban.isValid("de89370400440532013000")).isFalse();
  }

  @Test
  void aGeneratedIban_isValid() {
    qt().withExamples(2000)
        .forAll(integers().between(0, COUNTRIES.size() - 1), longs().all())
        .check((c, seed) -> Iban.isValid(generate(COUNTRIES.get(c), new Random(seed))));
  }

  /**
   * Any substitution of one character by another of the same kind (digit for digit, letter for
   * letter) is caught by mod 97, and a character of the wrong kind where the structure fixes the
   * kind by the structure. A digit swapped for a letter inside an alphanumeric field is not always
   * caught (ISO 7064 reads a letter as two digits), so that case is left out.
   */
  @Test
  void anySingleSameKindSubstitution_isRejected() {
    qt().withExamples(3000)
        .forAll(
            integers().between(0, COUNTRIES.size() - 1),
            longs().all(),
            integers().between(0, 33),
            integers().between(1, 25))
        .check(
            (c, seed, position, delta) -> {
              String iban = generate(COUNTRIES.get(c), new Random(seed));
              int at = position % iban.length();
              char ch = iban.charAt(at);
              String alphabet = Character.isDigit(ch) ? DIGITS : LETTERS;
              char other =
                  alphabet.charAt(
                      (alphabet.indexOf(ch) + 1 + delta % (alphabet.length() - 1))
                          % alphabet.length());
              String mutated = iban.substring(0, at) + other + iban.substring(at + 1);
              return other != ch && !Iban.isValid(mutated);
            });
  }

  @Test
  void aDigitWhereTheStructureWantsALetter_isRejected() {
    String valid = "GB82WEST12345698765432";
    assertThat(Iban.isValid(valid)).isTrue();
    for (int d = 0; d < 10; d++) {
      assertThat(Iban.isValid("GB82WES" + d + "12345698765432")).isFalse();
    }
  }

  @Test
  void anyAdjacentTranspositionOfDistinctSameKindCharacters_isRejected() {
    qt().withExamples(3000)
        .forAll(
            integers().between(0, COUNTRIES.size() - 1), longs().all(), integers().between(0, 32))
        .check(
            (c, seed, position) -> {
              String iban = generate(COUNTRIES.get(c), new Random(seed));
              int at = position % (iban.length() - 1);
              char a = iban.charAt(at);
              char b = iban.charAt(at + 1);
              if (a == b || Character.isDigit(a) != Character.isDigit(b)) {
                return true; // not a transposition that changes the value within one kind
              }
              String swapped = iban.substring(0, at) + b + a + iban.substring(at + 2);
              return !Iban.isValid(swapped);
            });
  }

  @Test
  void encloses_findsTheIbanAroundAPart() {
    String text = "to GB82 WEST 1234 5698 7654 32 and 1234 5698 7654 3200";
    int inside = text.indexOf("1234");
    int outside = text.lastIndexOf("1234");
    assertThat(Iban.encloses(text, inside, inside + 14)).isTrue();
    assertThat(Iban.encloses(text, outside, outside + 19)).isFalse();
    String broken = text.replace("GB82", "GB83");
    assertThat(Iban.encloses(broken, inside, inside + 14)).isFalse();
  }

  @Test
  void separators_areIgnored() {
    assertThat(Iban.isValid("DE89 3704 0044 0532 0130 00")).isTrue();
    assertThat(Iban.isValid("DE89-3704-0044-0532-0130-00")).isTrue();
  }

  private static String generate(String country, Random random) {
    return IbanSamples.generate(country, random);
  }
}
