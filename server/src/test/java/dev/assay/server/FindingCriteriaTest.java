package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FindingCriteria's operators on a finding's JSON, as Macie documents them. */
class FindingCriteriaTest {
  static final JsonNode FINDING =
      json(
          """
          {"id": "f1", "type": "SensitiveData:S3Object/Multiple", "archived": false, "count": 3,
           "createdAt": "2024-03-11T19:46:53.031Z", "severity": {"description": "High", "score": 3},
           "resourcesAffected": {"s3Bucket": {"name": "b1", "tags": [{"key": "env", "value": "prod"}, {"key": "team", "value": "hr"}]},
                                 "s3Object": {"key": "a/b.csv", "extension": "csv"}},
           "classificationDetails": {"jobId": "j1", "result": {
             "sensitiveData": [{"category": "PERSONAL_INFORMATION", "detections": [{"type": "USA_SOCIAL_SECURITY_NUMBER", "count": 2}]},
                               {"category": "FINANCIAL_INFORMATION", "detections": [{"type": "CREDIT_CARD_NUMBER", "count": 1}]}],
             "customDataIdentifiers": {"detections": [], "totalCount": 0}}}}""");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "severity.description | {\"eq\": [\"High\"]} | true",
        "severity.description | {\"eq\": [\"high\"]} | false",
        "severity.description | {\"eq\": [\"Low\", \"High\"]} | true",
        "severity.description | {\"neq\": [\"Low\", \"Medium\"]} | true",
        "severity.description | {\"neq\": [\"High\"]} | false",
        "archived | {\"eq\": [\"false\"]} | true",
        "count | {\"gte\": 3, \"lt\": 4} | true",
        "count | {\"gt\": 3} | false",
        "createdAt | {\"gte\": 1710186413031} | true",
        "createdAt | {\"gt\": 1710186413031} | false",
        "sensitiveData.detections.type | {\"eq\": [\"CREDIT_CARD_NUMBER\"]} | true",
        "classificationDetails.result.sensitiveData.category | {\"eqExactMatch\": [\"PERSONAL_INFORMATION\", \"FINANCIAL_INFORMATION\"]} | true",
        "classificationDetails.result.sensitiveData.category | {\"eqExactMatch\": [\"PERSONAL_INFORMATION\"]} | false",
        "resourcesAffected.s3Bucket.tags.key | {\"eq\": [\"team\"]} | true",
        "resourcesAffected.s3Bucket.tags.value | {\"neq\": [\"prod\"]} | false",
        "resourcesAffected.s3Object.extension | {\"eq\": [\"csv\"]} | true",
        "customDataIdentifiers.detections.name | {\"eq\": [\"x\"]} | false",
        "resourcesAffected.s3Object.key | {\"eq\": [\"a/b\"]} | false"
      })
  void operatorsOnOneField(String field, String ops, boolean matches) {
    FindingCriteria c =
        FindingCriteria.parse(
            json("{\"criterion\": {\"" + field + "\": " + ops + "}}"), "findingCriteria");
    assertThat(c.matches(FINDING)).isEqualTo(matches);
  }

  @Test
  void fieldsAreAndedAndNoCriteriaMatchesAll() {
    assertThat(FindingCriteria.parse(null, "findingCriteria").matches(FINDING)).isTrue();
    assertThat(
            FindingCriteria.parse(
                    json(
                        "{\"criterion\": {\"type\": {\"eq\": [\"SensitiveData:S3Object/Multiple\"]}, \"count\": {\"gt\": 5}}}"),
                    "c")
                .matches(FINDING))
        .isFalse();
  }

  @Test
  void columnTermsBecomeSqlWithTheirParameters() {
    FindingCriteria c =
        FindingCriteria.parse(
            json(
                "{\"criterion\": {\"severity.description\": {\"eq\": [\"High\"]}, \"createdAt\": {\"gte\": 5}, \"archived\": {\"eq\": [\"true\"]},"
                    + " \"resourcesAffected.s3Object.extension\": {\"eq\": [\"csv\"]}}}"),
            "c");
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    c.where(sql, params);
    assertThat(sql.toString())
        .contains("severity_description IN (?)", "created_at >= ?", "archived IN (?)")
        .doesNotContain("extension");
    assertThat(params).containsExactlyInAnyOrder("High", 5L, 1L);
    assertThat(c.needsJson()).isTrue();
  }

  @Test
  void badCriteriaNameTheMember() {
    assertThatThrownBy(
            () ->
                FindingCriteria.parse(
                    json("{\"criterion\": {\"type\": {\"like\": [\"x\"]}}}"), "findingCriteria"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("findingCriteria.criterion.type.like");
    assertThatThrownBy(
            () ->
                FindingCriteria.parse(
                    json(
                        "{\"criterion\": {\"type\": {\"eqExactMatch\": [\"x\"], \"neq\": [\"y\"]}}}"),
                    "f"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("cannot be combined");
    assertThatThrownBy(
            () ->
                FindingCriteria.parse(
                    json("{\"criterion\": {\"count\": {\"gt\": \"many\"}}}"), "f"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("f.criterion.count.gt");
  }

  private static JsonNode json(String s) {
    try {
      return Store.JSON.readTree(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
