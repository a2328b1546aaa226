package dev.assay.identifiers.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.Category;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.ManagedDataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTest {
  private static final ManagedDataIdentifier SSN =
      ManagedCatalog.find("USA_SOCIAL_SECURITY_NUMBER").orElseThrow();

  private static List<Candidate> scan(Detector d, String text) {
    return d.scan(text, FieldContext.NONE);
  }

  @Test
  void managedKeyword_at30CharsBefore_counts_at31_doesNot() {
    Detector d = Detector.of(List.of(SSN), List.of());
    String gap30 = " ".repeat(30);
    assertThat(scan(d, "ssn" + gap30 + "512-23-4411")).hasSize(1);
    assertThat(scan(d, "ssn" + gap30 + " 512-23-4411")).isEmpty();
  }

  @Test
  void managedKeyword_after_withinDistance_counts() {
    Detector d = Detector.of(List.of(SSN), List.of());
    assertThat(scan(d, "512-23-4411" + " ".repeat(30) + "SSN")).hasSize(1);
    assertThat(scan(d, "512-23-4411" + " ".repeat(31) + "SSN")).isEmpty();
  }

  @Test
  void keyword_mustBeAWholeWord() {
    Detector d = Detector.of(List.of(SSN), List.of());
    assertThat(scan(d, "classnote 512-23-4411")).isEmpty();
    assertThat(scan(d, "customerSsn=512-23-4411")).hasSize(1);
    assertThat(scan(d, "customer_ssn=512-23-4411")).hasSize(1);
  }

  @Test
  void keywordInFieldName_makesEveryValueNear() {
    Detector d = Detector.of(List.of(SSN), List.of());
    assertThat(d.scan("512-23-4411", FieldContext.of("employee_ssn"))).hasSize(1);
    assertThat(d.scan("512-23-4411", FieldContext.of("employee_id"))).isEmpty();
    assertThat(d.scan("512-23-4411", FieldContext.of("$", "Social Security", "number"))).hasSize(1);
  }

  @Test
  void keywordWithSpace_matchesItsVariants() {
    assertThat(Detector.variants("Social Security"))
        .containsExactlyInAnyOrder(
            "social security", "socialsecurity", "social_security", "social-security");
    Detector d = Detector.of(List.of(SSN), List.of());
    assertThat(scan(d, "SOCIAL-SECURITY: 512-23-4411")).hasSize(1);
    assertThat(scan(d, "socialsecurity 512-23-4411")).hasSize(1);
  }

  @Test
  void customKeyword_mustPrecede_distanceToEndOfMatch() {
    CustomDataIdentifier emp =
        CustomDataIdentifier.define(
            null, "emp", null, "EMP-[0-9]{6}", List.of("badge"), null, 20, null);
    Detector d = Detector.of(List.of(emp), List.of());
    // "EMP-123456" is 10 chars: the keyword may end at most 10 chars before the match starts.
    assertThat(scan(d, "badge" + " ".repeat(10) + "EMP-123456")).hasSize(1);
    assertThat(scan(d, "badge" + " ".repeat(11) + "EMP-123456")).isEmpty();
    assertThat(d.scan("EMP-123456 badge", FieldContext.NONE, 0, 16, true))
        .singleElement()
        .extracting(Candidate::verdict)
        .isEqualTo(Verdict.KEYWORD_AFTER);
    assertThat(d.scan("badge" + " ".repeat(11) + "EMP-123456", FieldContext.NONE, 0, 26, true))
        .singleElement()
        .extracting(Candidate::verdict, Candidate::keywordDistance)
        .containsExactly(Verdict.KEYWORD_TOO_FAR, 21);
  }

  @Test
  void ignoreWords_areCaseSensitiveSubstrings() {
    CustomDataIdentifier emp =
        CustomDataIdentifier.define(
            null, "emp", null, "EMP-[0-9A-Z]{6}", null, List.of("TEST"), null, null);
    Detector d = Detector.of(List.of(emp), List.of());
    assertThat(scan(d, "EMP-TEST01 EMP-test01 EMP-123456"))
        .extracting(Candidate::start)
        .containsExactly(22);
  }

  @Test
  void allowLists_suppressWholeMatchesOnly() {
    AllowList words = AllowList.words("w", "words", List.of("512-23-4411", ""));
    AllowList regex = AllowList.regex("r", "regex", "5\\d\\d-99-\\d{4}");
    Detector d = Detector.of(List.of(SSN), List.of(words, regex));
    assertThat(scan(d, "ssn 512-23-4411")).isEmpty();
    assertThat(scan(d, "ssn 512-99-4411")).isEmpty();
    assertThat(scan(d, "ssn 512-23-4412")).hasSize(1);
    assertThat(d.scan("ssn 512-23-4411", FieldContext.NONE, 0, 15, true))
        .singleElement()
        .extracting(Candidate::verdict, Candidate::detail)
        .containsExactly(Verdict.ALLOW_LIST, "words");
  }

  @Test
  void reportWindow_limitsWhichMatchesAreReported_butContextCounts() {
    Detector d = Detector.of(List.of(SSN), List.of());
    String text = "SSN 512-23-4411 and 512-23-4412";
    assertThat(d.scan(text, FieldContext.NONE, 10, text.length(), false))
        .extracting(Candidate::start)
        .containsExactly(20);
  }

  @Test
  void keywordUnlessQualified_countsQualifiedValuesWithoutAKeyword() {
    ManagedDataIdentifier phone =
        ManagedDataIdentifier.builder("TEST_PHONE", Category.PERSONAL_INFORMATION)
            .regex("\\+?\\d{2} \\d{3} \\d{4}")
            .keywordsUnlessQualified((text, s, e) -> text.charAt(s) == '+', "phone")
            .positive("x")
            .negative("y")
            .build();
    Detector d = Detector.of(List.of(phone), List.of());
    assertThat(scan(d, "call +44 555 1234")).hasSize(1);
    assertThat(scan(d, "call 44 555 1234")).isEmpty();
    assertThat(scan(d, "phone: 44 555 1234")).hasSize(1);
  }

  @Test
  void keywordUnlessQualified_withAnchors_runsWhereAnAnchorOrAKeywordOccurs() {
    ManagedDataIdentifier account =
        ManagedDataIdentifier.builder("TEST_ACCOUNT", Category.FINANCIAL_INFORMATION)
            .regex("(?:XY\\d{6}|\\d{8})")
            .keywordsUnlessQualified((text, s, e) -> text.charAt(s) == 'X', "konto")
            .anchors("xy")
            .positive("x")
            .negative("y")
            .build();
    Detector d = Detector.of(List.of(account), List.of());
    assertThat(scan(d, "pay XY123456 today")).hasSize(1);
    assertThat(scan(d, "konto 12345678")).hasSize(1);
    assertThat(d.scan("12345678", FieldContext.of("konto"))).hasSize(1);
    assertThat(scan(d, "order 12345678")).isEmpty();
  }

  @Test
  void sameSpan_isReportedByOneManagedIdentifier_nearestKeywordWins() {
    // Keywords of equal length, so that only the distance (then the field name) decides.
    ManagedDataIdentifier a =
        ManagedDataIdentifier.builder("TEST_A", Category.PERSONAL_INFORMATION)
            .regex("\\b\\d{9}\\b")
            .requiredKeywords("alpha")
            .positive("x")
            .negative("y")
            .build();
    ManagedDataIdentifier b =
        ManagedDataIdentifier.builder("TEST_B", Category.PERSONAL_INFORMATION)
            .regex("\\b\\d{9}\\b")
            .requiredKeywords("gamma")
            .positive("x")
            .negative("y")
            .build();
    CustomDataIdentifier custom =
        CustomDataIdentifier.define(null, "nine", null, "[0-9]{9}", null, null, null, null);
    Detector d = Detector.of(List.of(a, b, custom), List.of());
    assertThat(scan(d, "alpha gamma 123456789"))
        .extracting(c -> c.identifier().id())
        .containsExactlyInAnyOrder("TEST_B", custom.id());
    assertThat(scan(d, "gamma alpha 123456789"))
        .extracting(c -> c.identifier().id())
        .containsExactlyInAnyOrder("TEST_A", custom.id());
    assertThat(d.scan("123456789", FieldContext.of("gamma")))
        .extracting(c -> c.identifier().id())
        .containsExactlyInAnyOrder("TEST_B", custom.id());
  }

  @Test
  void sameSpan_moreSpecificKeywordWins() {
    ManagedDataIdentifier a =
        ManagedDataIdentifier.builder("TEST_A", Category.PERSONAL_INFORMATION)
            .regex("\\b\\d{9}\\b")
            .requiredKeywords("passport")
            .positive("x")
            .negative("y")
            .build();
    ManagedDataIdentifier b =
        ManagedDataIdentifier.builder("TEST_B", Category.PERSONAL_INFORMATION)
            .regex("\\b\\d{9}\\b")
            .requiredKeywords("passport number")
            .positive("x")
            .negative("y")
            .build();
    Detector d = Detector.of(List.of(a, b), List.of());
    assertThat(d.scan("123456789", FieldContext.of("passport_number")))
        .extracting(c -> c.identifier().id())
        .containsExactly("TEST_B");
    assertThat(scan(d, "passport number 123456789"))
        .extracting(c -> c.identifier().id())
        .containsExactly("TEST_B");
  }
}
