package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RegexNeed}: what it reads from a regex, and that it is never stronger than the regex:
 * every match re2j finds, in the catalog's samples and in seeded random texts made of their pieces,
 * meets the need of its pattern.
 */
class RegexNeedTest {
  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "\\d{3}-\\d{2}-\\d{4} => [Clause[literal=-, ignoreCase=false, digitRun=4]]",
        "\\b\\d{9}\\b => [Clause[literal=null, ignoreCase=false, digitRun=9]]",
        "\\d{3}\\d?\\d{4} => [Clause[literal=null, ignoreCase=false, digitRun=7]]",
        "\\d{3}x?\\d{4} => [Clause[literal=null, ignoreCase=false, digitRun=4]]",
        "DE\\d{2}[0-9A-Z]{18} => [Clause[literal=DE, ignoreCase=false, digitRun=2]]",
        "(?i)iban:?\\s*[A-Z]{2} => [Clause[literal=iban, ignoreCase=true, digitRun=0]]",
        "(?i:ab)CD => [Clause[literal=ab, ignoreCase=true, digitRun=0]]",
        "a\\d{5}|b\\d{6} => [Clause[literal=a, ignoreCase=false, digitRun=5], Clause[literal=b, ignoreCase=false, digitRun=6]]",
        "x(?:\\d{8}|\\d{4} \\d{4}) => [Clause[literal=x, ignoreCase=false, digitRun=8], Clause[literal= , ignoreCase=false, digitRun=4]]",
      })
  void readsLiteralsAndDigitRuns(String regex, String clauses) {
    assertThat(RegexNeed.of(regex).clauses()).hasToString(clauses);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[a-z]+", "\\d*", "(?:\\d{5})?", "a|\\w", "\\Qx\\E", "(?i)ā", "\\p{Lu}", "x{"})
  void asksNothing_whenAMatchNeedsNothing_orTheSyntaxIsNotFollowed(String regex) {
    assertThat(RegexNeed.of(regex).isNone()).isTrue();
  }

  @Test
  void caseFolding_asRe2jFoldsIt() {
    RegexNeed need = RegexNeed.of("(?i)kiss");
    for (String text : List.of("KISS", "kiss", "\u212Aiss", "ki\u017F\u017F")) {
      assertThat(Pattern.compile("(?i)kiss").matcher(text).find()).isTrue();
      assertThat(need.mayMatch(text, 0, text.length())).as(text).isTrue();
    }
    assertThat(need.mayMatch("kis", 0, 3)).isFalse();
    assertThat(RegexNeed.of("kiss").mayMatch("KISS", 0, 4)).isFalse();
  }

  @Test
  void caselessChars_matchAsUnicodeFoldsThem_forEveryChar() {
    for (char lit : "abcdefghijklmnopqrstuvwxyz0-_é".toCharArray()) {
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        char ch = (char) c;
        boolean folds =
            ch == lit
                || Character.toLowerCase(ch) == lit
                || Character.toLowerCase(Character.toUpperCase(ch)) == lit;
        assertThat(RegexNeed.contains(String.valueOf(ch), 0, 1, String.valueOf(lit), true))
            .as("U+%04X against %s", c, lit)
            .isEqualTo(folds);
      }
    }
  }

  @Test
  void regionBounds_areHonoured() {
    RegexNeed need = RegexNeed.of("\\d{3}-\\d{2}-\\d{4}");
    String text = "ssn 512-23-4411 end";
    assertThat(need.mayMatch(text, 4, 15)).isTrue();
    assertThat(need.mayMatch(text, 5, 15)).isTrue(); // the need is a necessary condition only
    assertThat(need.mayMatch(text, 4, 14)).isFalse(); // the run of four is cut
    assertThat(need.mayMatch(text, 0, 11)).isFalse();
  }

  @Test
  void everyMatchInTheCatalogsSamples_andInRandomTextsOfTheirPieces_meetsItsPatternsNeed() {
    List<ManagedDataIdentifier> all = ManagedCatalog.all();
    List<String> pieces = new ArrayList<>();
    for (ManagedDataIdentifier id : all) {
      pieces.addAll(id.positives());
      pieces.addAll(id.negatives());
    }
    Random random = new Random(20261201);
    List<String> texts = new ArrayList<>(pieces);
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 300) {
        String piece = pieces.get(random.nextInt(pieces.size()));
        int from = random.nextInt(piece.length());
        sb.append(piece, from, Math.min(piece.length(), from + 1 + random.nextInt(40)));
        if (random.nextInt(3) == 0) {
          sb.append(" -.\n".charAt(random.nextInt(4)));
        }
        if (random.nextInt(4) == 0) {
          sb.append(random.nextInt(100000));
        }
      }
      texts.add(sb.toString());
    }
    int matches = 0;
    int checked = 0;
    for (ManagedDataIdentifier id : all) {
      RegexNeed need = RegexNeed.of(id.criteria().regex());
      if (need.isNone()) {
        continue;
      }
      checked++;
      Pattern pattern = id.criteria().pattern();
      for (String text : texts) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          matches++;
          assertThat(need.mayMatch(text, m.start(), m.end()))
              .as("%s on '%s'", id.id(), text.substring(m.start(), m.end()))
              .isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(matches).isGreaterThan(5000);
  }
}
