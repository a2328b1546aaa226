package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchLengthTest {

  @ParameterizedTest(name = "{0} -> max {1}, fixed {2}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "abc => 3 => 3",
        "\\d{3}-\\d{2}-\\d{4} => 11 => 11",
        "\\b\\d{3}-\\d{2}-\\d{4}\\b => 11 => 11",
        "\\b(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){3})\\b => 19 => 0",
        "a|b|cd => 2 => 0",
        "ab|cd => 2 => 2",
        "(?i:rue|avenue) => 6 => 0",
        "[A-Za-z0-9/+]{40} => 40 => 40",
        "\\p{Lu}{2} => 4 => 0",
        "[^a]{3} => 6 => 0",
        ".{2} => 4 => 0",
        "😀 => 2 => 0",
        "x?y{0,5} => 6 => 0",
        "(?i)abc => 3 => 3",
        "a+ => 2147483647 => 0",
        "a*b => 2147483647 => 0",
        "a{2,} => 2147483647 => 0",
        "\\Qabc\\E => 2147483647 => 0",
        "[\\]a]{2} => 2 => 2",
        "\\bfoo\\b => 3 => 3",
        "(?:) => 0 => 0",
      })
  void max_andFixed_readTheRegex(String regex, int max, int fixed) {
    assertThat(MatchLength.max(regex)).isEqualTo(max);
    // Fixed only when every match has one length, in chars as in code points.
    assertThat(MatchLength.fixed(regex)).isEqualTo(fixed);
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
