package dev.assay.identifiers.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.KeywordRequirement;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.detect.Candidate;
import dev.assay.identifiers.detect.Detector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the catalog: ids unique and well formed, keywords within Macie's limits, and every sample
 * run through the whole catalog's detector, prefilter included, as the scanner runs it.
 */
class ManagedCatalogTest {
  private static final Detector ALL = Detector.of(ManagedCatalog.all(), List.of());
  private static final Detector FULL = Detector.withoutPrefilter(ManagedCatalog.all(), List.of());

  @Test
  void ids_areUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      assertThat(seen.add(id.id())).as("duplicate %s", id.id()).isTrue();
      assertThat(id.id()).matches("[A-Z0-9_]+(?:_\\(NO_KEYWORD\\))?");
      assertThat(id.criteria().pattern()).as("%s compiles", id.id()).isNotNull();
    }
  }

  @Test
  void everyIdentifier_hasPositiveAndNegativeSamples() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      assertThat(id.positives()).as(id.id()).isNotEmpty();
      assertThat(id.negatives()).as(id.id()).isNotEmpty();
    }
  }

  @Test
  void keywords_areWithinMacieLimits() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      if (id.criteria().keywordRequirement() != KeywordRequirement.NOT_REQUIRED) {
        assertThat(id.criteria().keywords())
            .as(id.id())
            .isNotEmpty()
            .allSatisfy(k -> assertThat(k.length()).isBetween(2, 90));
      }
    }
  }

  @Test
  void recommended_containsTheIssue2Identifiers() {
    assertThat(ManagedCatalog.recommended().stream().map(ManagedDataIdentifier::id))
        .contains(
            "USA_SOCIAL_SECURITY_NUMBER",
            "CREDIT_CARD_NUMBER",
            "AWS_CREDENTIALS",
            "OPENSSH_PRIVATE_KEY",
            "PKCS")
        .doesNotContain("CREDIT_CARD_NUMBER_(NO_KEYWORD)");
  }

  static Stream<Arguments> positives() {
    return ManagedCatalog.all().stream()
        .flatMap(id -> id.positives().stream().map(text -> Arguments.of(id.id(), text)));
  }

  static Stream<Arguments> negatives() {
    return ManagedCatalog.all().stream()
        .flatMap(id -> id.negatives().stream().map(text -> Arguments.of(id.id(), text)));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @MethodSource("positives")
  void positiveSample_isFound(String id, String text) {
    assertThat(idsFound(text)).contains(id);
  }

  @ParameterizedTest(name = "{0} ignores {1}")
  @MethodSource("negatives")
  void negativeSample_isNotFound(String id, String text) {
    assertThat(idsFound(text)).doesNotContain(id);
  }

  @Test
  void cardNumber_isNeverReportedByBothVariants() {
    for (ManagedDataIdentifier id : ManagedCatalog.all()) {
      for (String text : id.positives()) {
        List<Candidate> found = ALL.scan(text, FieldContext.NONE);
        for (Candidate a : found) {
          for (Candidate b : found) {
            if (a != b && a.start() == b.start() && a.end() == b.end()) {
              assertThat(a.identifier().id() + "|" + b.identifier().id())
                  .doesNotContain("CREDIT_CARD_NUMBER|CREDIT_CARD_NUMBER_(NO_KEYWORD)");
            }
          }
        }
      }
    }
  }

  private static List<String> idsFound(String text) {
    return ALL.scan(text, FieldContext.NONE).stream().map(c -> c.identifier().id()).toList();
  }

  /** The prefilter (keywords, anchors, regions, seeds) must never lose an occurrence. */
  @ParameterizedTest(name = "{0}: prefilter loses nothing in {1}")
  @MethodSource("positives")
  void prefilter_findsWhatAFullSearchFinds(String id, String text) {
    assertThat(ALL.scan(text, FieldContext.NONE)).isEqualTo(FULL.scan(text, FieldContext.NONE));
  }
}
