package dev.assay.identifiers.managed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.assay.identifiers.KeywordRequirement;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.SeverityProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the catalog against Macie's documented list of managed data identifiers (test data in
 * {@code macie-managed-identifiers.tsv}): every id is one of Macie's 166, once, with Macie's
 * category, keyword rule, keywords, severity profile and RECOMMENDED membership.
 */
class CatalogCompletenessTest {

  /** One documented identifier. */
  record Documented(
      String id,
      String category,
      String keywordRule,
      Set<String> keywords,
      boolean recommended,
      String severity) {}

  /**
   * Keywords outside Macie's 3 to 90 characters for custom identifiers that Macie's own managed
   * identifiers nonetheless document: kept as documented.
   */
  private static final Set<String> SHORT_DOCUMENTED_KEYWORDS = Set.of("mc", "rg");

  static Map<String, Documented> documented;

  @BeforeAll
  static void load() throws IOException {
    documented = new LinkedHashMap<>();
    try (var in =
            CatalogCompletenessTest.class.getResourceAsStream("macie-managed-identifiers.tsv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .forEach(
              line -> {
                String[] f = line.split("\t", -1);
                Set<String> keywords =
                    f[3].isEmpty()
                        ? Set.of()
                        : Arrays.stream(f[3].split(";"))
                            .map(k -> k.toLowerCase(Locale.ROOT))
                            .collect(Collectors.toSet());
                documented.put(
                    f[0], new Documented(f[0], f[1], f[2], keywords, f[4].equals("yes"), f[5]));
              });
    }
  }

  @Test
  void theDocumentedList_hasMacies166Identifiers() {
    assertThat(documented).hasSize(166);
  }

  @Test
  void catalogIds_areUnique_andAllAreMacieIds() {
    Set<String> seen = new HashSet<>();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      assertThat(seen.add(id.id())).as("duplicate %s", id.id()).isTrue();
    }
    assertThat(documented.keySet()).containsAll(seen);
  }

  @Test
  void everyCredentialsAndFinancialIdentifier_isInTheCatalog() {
    Set<String> catalog =
        ManagedCatalog.all().stream().map(ManagedDataIdentifier::id).collect(Collectors.toSet());
    Set<String> expected =
        documented.values().stream()
            .filter(
                d ->
                    d.category().equals("CREDENTIALS")
                        || d.category().equals("FINANCIAL_INFORMATION"))
            .map(Documented::id)
            .collect(Collectors.toSet());
    assertThat(expected).hasSize(9 + 58);
    assertThat(catalog).containsAll(expected);
  }

  @Test
  void categoryKeywordsAndRecommended_areMacies() {
    SoftAssertions softly = new SoftAssertions();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      Documented d = documented.get(id.id());
      if (d == null) {
        continue; // reported by catalogIds_areUnique_andAllAreMacieIds
      }
      softly.assertThat(id.category().name()).as("category of %s", id.id()).isEqualTo(d.category());
      softly
          .assertThat(id.recommended())
          .as("RECOMMENDED membership of %s", id.id())
          .isEqualTo(d.recommended());
      SeverityProfile s = id.severity();
      softly
          .assertThat(label(s.one()) + "|" + label(s.few()) + "|" + label(s.many()))
          .as("severity of %s (1 | 2-99 | 100+)", id.id())
          .isEqualTo(d.severity());
      KeywordRequirement rule = id.criteria().keywordRequirement();
      switch (d.keywordRule()) {
        case "yes" ->
            softly
                .assertThat(rule)
                .as("keyword rule of %s", id.id())
                .isEqualTo(KeywordRequirement.REQUIRED);
        case "varies" ->
            softly
                .assertThat(rule)
                .as("keyword rule of %s", id.id())
                .isEqualTo(KeywordRequirement.REQUIRED_UNLESS_QUALIFIED);
        default ->
            // ABSENT: CREDIT_CARD_NUMBER_(NO_KEYWORD) reports exactly the matches without its
            // sibling's keywords, so it carries them as forbidden ones.
            softly
                .assertThat(rule)
                .as("keyword rule of %s", id.id())
                .isIn(KeywordRequirement.NOT_REQUIRED, KeywordRequirement.ABSENT);
      }
      if (rule == KeywordRequirement.REQUIRED
          || rule == KeywordRequirement.REQUIRED_UNLESS_QUALIFIED) {
        Set<String> keywords =
            id.criteria().keywords().stream()
                .map(k -> k.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        softly.assertThat(keywords).as("keywords of %s", id.id()).isEqualTo(d.keywords());
      }
    }
    softly.assertAll();
  }

  private static String label(Severity level) {
    String name = level.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  @Test
  void everyPattern_compilesInRe2j() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      assertThat(Pattern.compile(id.criteria().regex()).pattern())
          .as(id.id())
          .isEqualTo(id.criteria().regex());
    }
  }

  @Test
  void everyKeyword_isWithinMacieLimits_exceptDocumentedShortOnes() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      for (String k : id.criteria().keywords()) {
        if (!SHORT_DOCUMENTED_KEYWORDS.contains(k)) {
          assertThat(k.length()).as("keyword '%s' of %s", k, id.id()).isBetween(3, 90);
        }
      }
    }
  }
}
