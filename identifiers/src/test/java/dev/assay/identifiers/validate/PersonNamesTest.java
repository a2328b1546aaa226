package dev.assay.identifiers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The split of a capitalised run into words, against the regex split it stands for. */
class PersonNamesTest {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Test
  void words_areWhatARegexSplitAtWhitespaceGives_onSeededTexts() {
    String alphabet = "aB. \t\n\u000B\f\r\u00A0\u2003";
    SplittableRandom random = new SplittableRandom(20261208);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder run = new StringBuilder();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        run.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(PersonNames.words(run)).as("'%s'", run).isEqualTo(WHITESPACE.split(run));
    }
  }

  @Test
  void words_ofEmptyAndBlankRuns() {
    assertThat(PersonNames.words("")).containsExactly("");
    assertThat(PersonNames.words("  \t")).isEmpty();
    assertThat(PersonNames.words(" Jane  Roe ")).containsExactly("", "Jane", "Roe");
  }
}
