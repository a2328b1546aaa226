package dev.assay.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomDataIdentifierTest {

  private static CustomDataIdentifier define(
      String regex, List<String> keywords, List<String> ignore, Integer distance) {
    return CustomDataIdentifier.define(null, "x", null, regex, keywords, ignore, distance, null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(abc)|capturing group",
        "a(?=b)|lookahead",
        "(?<=a)b|lookbehind",
        "(?<name>a)|named capturing group",
        "(a)\\1|capturing group",
        "(?:a)\\1|backreference",
        "/abc/i|global flags",
        "[a-|not a valid regular expression",
        "\\d{100,1000}|bounded repeat"
      })
  void regex_outsideMacieDialect_isRejectedWithTheConstruct(String regex, String message) {
    assertThatThrownBy(() -> define(regex, null, null, null))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("regex");
  }

  @Test
  void regex_withNonCapturingGroupsAndInlineFlags_isAccepted() {
    assertThat(define("(?i)(?:emp|staff)-[0-9]{6}[(]x[)]", null, null, null).criteria().pattern())
        .isNotNull();
    assertThat(define("\\d{100,}", null, null, null).criteria().pattern()).isNotNull();
    assertThat(define("[A-Z]{2,255}", null, null, null).criteria().pattern()).isNotNull();
  }

  @Test
  void limits_nameTheField() {
    assertThatThrownBy(() -> define("a{3}", List.of("ab"), null, null))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("keywords[0]");
    assertThatThrownBy(() -> define("a{3}", null, List.of("abc"), null))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("ignoreWords[0]");
    assertThatThrownBy(() -> define("a{3}", null, null, 0))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("maximumMatchDistance");
    assertThatThrownBy(() -> define("a{3}", null, null, 301))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("maximumMatchDistance");
    assertThatThrownBy(() -> define("a".repeat(513), null, null, null))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("regex");
    assertThatThrownBy(() -> define("abc", Collections.nCopies(51, "abc"), null, null))
        .extracting(e -> ((DefinitionException) e).field())
        .isEqualTo("keywords");
    assertThat(define("abc", Collections.nCopies(50, "abc"), Collections.nCopies(10, "abcd"), 300))
        .isNotNull();
  }

  @Test
  void defaultDistance_is50() {
    assertThat(define("abc", List.of("key"), null, null).criteria().proximity())
        .isEqualTo(Proximity.preceding(50));
  }

  @Test
  void id_isStableForTheSameDefinition() {
    assertThat(define("abc", null, null, null).id())
        .isEqualTo(define("abc", null, null, null).id());
  }
}
