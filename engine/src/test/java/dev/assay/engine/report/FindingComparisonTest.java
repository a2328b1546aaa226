package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two sides' findings compared per object and identifier. */
class FindingComparisonTest {
  private static Finding finding(
      String key, List<Finding.DefaultDetection> managed, List<Finding.CustomDetection> custom) {
    Finding.ClassificationResult result =
        new Finding.ClassificationResult(
            false,
            new Finding.CustomDataIdentifiers(custom, (long) custom.size()),
            "text/plain",
            List.of(
                new Finding.SensitiveDataItem(
                    "PERSONAL_INFORMATION", managed, (long) managed.size())),
            10L,
            null);
    return new Finding(
        "111122223333",
        false,
        "CLASSIFICATION",
        new Finding.ClassificationDetails(null, null, null, null, result),
        1L,
        null,
        null,
        null,
        "aws",
        "us-east-1",
        new Finding.ResourcesAffected(
            new Finding.S3Bucket(null, null, null, null, "b", null, null, null),
            new Finding.S3Object(
                null, null, null, null, key, null, null, null, null, null, null, null, null)),
        false,
        "1.0",
        null,
        null,
        null,
        null);
  }

  private static Finding.DefaultDetection managed(String type, long count) {
    return new Finding.DefaultDetection(count, null, type);
  }

  @Test
  void countsArePairedPerObjectAndIdentifierAndCustomOnesByName() {
    List<Finding> local =
        List.of(
            finding(
                "a.txt",
                List.of(managed("USA_SOCIAL_SECURITY_NUMBER", 2)),
                List.of(new Finding.CustomDetection("local-id", 3L, "badge", null))),
            finding("b.txt", List.of(managed("CREDIT_CARD_NUMBER", 1)), List.of()));
    List<Finding> macie =
        List.of(
            finding(
                "a.txt",
                List.of(managed("USA_SOCIAL_SECURITY_NUMBER", 1)),
                List.of(new Finding.CustomDetection("macie-id", 3L, "badge", null))),
            finding("c.txt", List.of(managed("NAME", 4)), List.of()));
    FindingComparison c = FindingComparison.of(local, macie);
    assertThat(c.rows())
        .containsExactly(
            new FindingComparison.Row("b", "a.txt", "USA_SOCIAL_SECURITY_NUMBER", 2, 1),
            new FindingComparison.Row("b", "a.txt", "custom:badge", 3, 3),
            new FindingComparison.Row("b", "b.txt", "CREDIT_CARD_NUMBER", 1, 0),
            new FindingComparison.Row("b", "c.txt", "NAME", 0, 4));
    assertThat(c.differences()).hasSize(3);
    assertThat(c.matches())
        .containsExactly(new FindingComparison.Row("b", "a.txt", "custom:badge", 3, 3));
    assertThat(FindingComparison.of(local, local).differences()).isEmpty();
  }
}
