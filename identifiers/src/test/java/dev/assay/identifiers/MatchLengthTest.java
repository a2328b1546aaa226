package dev.assay.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchLengthTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "abc => 3",
        "\\d{3}-\\d{2}-\\d{4} => 11",
        "\\b(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){3})\\b => 19",
        "a|b|cd => 2",
        "(?i:rue|avenue) => 6",
        "[A-Za-z0-9/+]{40} => 40",
        "\\p{Lu}{2} => 4",
        "[^a]{3} => 6",
        ".{2} => 4",
        "x?y{0,5} => 6",
        "(?i)abc => 3",
        "a+ => 2147483647",
        "a*b => 2147483647",
        "a{2,} => 2147483647",
        "\\Qabc\\E => 2147483647",
        "[\\]a]{2} => 2",
        "\\bfoo\\b => 3",
        "(?:) => 0",
      })
  void max_readsTheRegex(String regex, int expected) {
    assertThat(MatchLength.max(regex)).isEqualTo(expected);
  }

  @Test
  void max_isNeverShorterThanAMatchOfTheCatalog() {
    Detector full = Detector.withoutPrefilter(ManagedCatalog.all(), List.of());
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      int max = MatchLength.max(id.criteria().regex());
      for (String text : id.positives()) {
        for (Candidate c : full.scan(text, FieldContext.NONE, 0, text.length(), true)) {
          if (c.identifier() == id) {
            assertThat(c.end() - c.start()).as("%s in %s", id.id(), text).isLessThanOrEqualTo(max);
          }
        }
      }
    }
  }
}
