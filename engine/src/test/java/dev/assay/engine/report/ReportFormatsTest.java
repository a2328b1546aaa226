package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.engine.Detection;
import dev.assay.engine.Location;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanFixture;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every output format on object results built directly with every location kind (lineRanges, cells
 * with and without a cell reference, records, pages, none for an archive), compared with golden
 * files under {@code golden/formats}, plus the properties each format promises.
 */
class ReportFormatsTest {
  private final List<ObjectResult> results = ReportSamples.results();
  private final List<Finding> findings = ReportSamples.findings(ReportSamples.factory(), results);
  private final ScanReport report = ReportSamples.report(findings);

  @Test
  void json_golden() throws IOException {
    String json = ReportSamples.render(OutputFormat.JSON, report);
    Golden.assertMatches("formats/findings.json", json);
    JsonNode tree = FindingWriter.JSON.readTree(json).get("findings");
    assertThat(tree).hasSize(6);
    for (String kind :
        List.of(
            "\"lineRanges\"", "\"cells\"", "\"records\"", "\"pages\"", "\"cellReference\":null")) {
      assertThat(tree.toString()).contains(kind);
    }
  }

  @Test
  void finding_keepsAtMost15LocationsPerDetection_andSaysThereAreMore() {
    Finding xlsx = ReportSamples.only(findings, "2025/01/staff.xlsx").orElseThrow();
    Finding.ClassificationResult r = xlsx.classificationDetails().result();
    Finding.DefaultDetection ssn = r.sensitiveData().get(0).detections().get(0);
    assertThat(ssn.count()).isEqualTo(20);
    assertThat(ssn.occurrences().cells()).hasSize(15);
    assertThat(r.additionalOccurrences()).isTrue();
    Finding pdf = ReportSamples.only(findings, "reports/q1.pdf").orElseThrow();
    assertThat(pdf.classificationDetails().result().additionalOccurrences()).isFalse();
  }

  @Test
  void finding_reportsWhatIsKnownOfTheObject_andNothingElse() {
    Finding s3 = ReportSamples.only(findings, "2025/01/staff.xlsx").orElseThrow();
    Finding.S3Object o = s3.resourcesAffected().s3Object();
    assertThat(o.eTag()).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
    assertThat(o.storageClass()).isEqualTo("STANDARD");
    assertThat(o.serverSideEncryption().encryptionType()).isEqualTo("aws:kms");
    assertThat(o.tags()).extracting(Finding.KeyValuePair::key).containsExactly("team");
    Finding local = ReportSamples.only(findings, "notes/keys.txt").orElseThrow();
    JsonNode object = FindingWriter.JSON.valueToTree(local.resourcesAffected().s3Object());
    assertThat(object.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("bucketArn", "extension", "key", "lastModified", "path", "size");
    JsonNode bucket = FindingWriter.JSON.valueToTree(local.resourcesAffected().s3Bucket());
    assertThat(bucket.fieldNames()).toIterable().containsExactlyInAnyOrder("arn", "name");
  }

  @Test
  void findingsWithoutResultsDir_pointAtMaciesUnconfiguredResultsLocation() {
    assertThat(findings.get(0).classificationDetails().detailedResultsLocation())
        .matches(
            "s3://\\[export-config-not-set\\]/AWSLogs/111122223333/Macie/eu-west-1/"
                + "4f1c2a9be07d43c5a8f6d2e1b3c4d5e6/111122223333/[0-9a-f-]{36}\\.jsonl\\.gz");
  }

  @Test
  void jsonl_golden() throws IOException {
    String jsonl = ReportSamples.render(OutputFormat.JSONL, report);
    Golden.assertMatches("formats/findings.jsonl", jsonl);
    assertThat(jsonl.split("\n")).hasSize(6);
  }

  @Test
  void eventbridge_golden_oneEventALine_detailIsTheFinding() throws IOException {
    String events = ReportSamples.render(OutputFormat.EVENTBRIDGE, report);
    Golden.assertMatches("formats/findings.eventbridge.jsonl", events);
    String[] lines = events.split("\n");
    assertThat(lines).hasSize(findings.size());
    JsonNode first = FindingWriter.JSON.readTree(lines[0]);
    assertThat(first.get("source").asText()).isEqualTo("aws.macie");
    assertThat(first.get("detail-type").asText()).isEqualTo("Macie Finding");
    assertThat(first.get("version").asText()).isEqualTo("0");
    assertThat(first.get("resources")).isEmpty();
    assertThat(first.get("time").asText()).isEqualTo("2025-02-03T08:15:42Z");
    assertThat(first.get("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(first.get("detail").toString())
        .isEqualTo(FindingWriter.JSON.writeValueAsString(findings.get(0)));
  }

  @Test
  void asff_golden_mapsMaciesFields() throws IOException {
    String asff = ReportSamples.render(OutputFormat.ASFF, report);
    Golden.assertMatches("formats/findings.asff.json", asff);
    JsonNode f = FindingWriter.JSON.readTree(asff).get("Findings").get(0);
    assertThat(f.get("ProductArn").asText())
        .isEqualTo("arn:aws:securityhub:eu-west-1::product/aws/macie");
    assertThat(f.get("SchemaVersion").asText()).isEqualTo("2018-10-08");
    assertThat(f.get("Types").get(0).asText())
        .isEqualTo("Sensitive Data Identifications/PII/SensitiveData:S3Object-Personal");
    assertThat(f.at("/Severity/Label").asText()).isEqualTo("HIGH");
    assertThat(f.at("/Resources/0/Type").asText()).isEqualTo("AwsS3Bucket");
    assertThat(f.at("/Resources/1/Type").asText()).isEqualTo("AwsS3Object");
    assertThat(f.at("/Resources/1/Id").asText())
        .isEqualTo("arn:aws:s3:::acme-hr/2025/01/staff.xlsx");
    assertThat(
            f.at(
                    "/Resources/1/DataClassification/Result/SensitiveData/0/Detections/0/Occurrences/Cells/0/CellReference")
                .asText())
        .isEqualTo("Staff!B2");
    assertThat(f.at("/Resources/1/DataClassification/Result/Status/Code").asText())
        .isEqualTo("COMPLETE");
    assertThat(f.at("/Resources/1/Details/AwsS3Object/SSEKMSKeyId").asText())
        .startsWith("arn:aws:kms:");
  }

  @Test
  void sarif_golden_validatesAgainstTheSarif210Schema() throws IOException {
    String sarif = ReportSamples.render(OutputFormat.SARIF, report);
    Golden.assertMatches("formats/findings.sarif.json", sarif);
    assertThat(sarifSchemaErrors(sarif)).isEmpty();
  }

  @Test
  void sarif_resultPerLocation_levelFromSeverity_artifactsRelativeOrS3() throws IOException {
    JsonNode run =
        FindingWriter.JSON
            .readTree(ReportSamples.render(OutputFormat.SARIF, report))
            .get("runs")
            .get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules.findValuesAsText("id"))
        .containsExactly(
            "5b7e0c3a-91d2-4f6e-b8a1-2c3d4e5f6a7b",
            "AWS_CREDENTIALS",
            "CREDIT_CARD_NUMBER",
            "OPENSSH_PRIVATE_KEY",
            "USA_SOCIAL_SECURITY_NUMBER");
    assertThat(rules.get(1).at("/properties/category").asText()).isEqualTo("CREDENTIALS");
    JsonNode results = run.get("results");
    // 15 cells (xlsx) + 1 (zip) + 2 records + 2 + 3 (csv) + 2 lines (txt) + 3 pages
    assertThat(results).hasSize(28);
    JsonNode txt = first(results, "notes/keys.txt");
    assertThat(txt.get("level").asText()).isEqualTo("error");
    assertThat(txt.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
    assertThat(txt.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(19);
    assertThat(txt.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText())
        .isEqualTo("exports");
    JsonNode xlsx = first(results, "s3://acme-hr/2025/01/staff.xlsx");
    assertThat(xlsx.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("Staff!B2");
    assertThat(first(results, "reports/q1.pdf").at("/locations/0/logicalLocations/0/name").asText())
        .isEqualTo("page 1");
    assertThat(
            first(results, "events/signups.jsonl")
                .at("/locations/0/logicalLocations/0/name")
                .asText())
        .isEqualTo("record 0 $.payment.card");
    assertThat(first(results, "hr/employees.csv").get("level").asText()).isEqualTo("error");
    assertThat(run.at("/originalUriBaseIds/exports/uri").asText())
        .isEqualTo("file:///data/exports/");
    assertThat(SarifWriter.level("Low")).isEqualTo("note");
  }

  private static JsonNode first(JsonNode results, String uri) {
    for (JsonNode r : results) {
      if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(uri)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + uri);
  }

  @Test
  void sarif_keysThatAreNotUriSafe_areEncoded() {
    Finding.S3Bucket bucket = new Finding.S3Bucket(null, null, null, null, "b", null, null, null);
    assertThat(
            SarifWriter.artifactLocation(object("a dir/x%y.txt"), bucket, Map.of())
                .get("uri")
                .asText())
        .isEqualTo("a%20dir/x%25y.txt");
    assertThat(
            SarifWriter.artifactLocation(object("c:d.txt"), bucket, Map.of()).get("uri").asText())
        .isEqualTo("./c:d.txt");
  }

  private static Finding.S3Object object(String key) {
    return new Finding.S3Object(
        null, null, null, null, key, null, null, null, null, null, null, null, null);
  }

  static List<String> sarifSchemaErrors(String sarif) throws IOException {
    try (InputStream schemaText =
        ReportFormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
      return schema.validate(FindingWriter.JSON.readTree(sarif)).stream()
          .map(Error::toString)
          .toList();
    }
  }

  @Test
  void sarif_ofARealScanOfTheSamples_validatesToo() throws IOException {
    List<Finding> scanned =
        ScanFixture.scan(ScanFixture.SAMPLES, ManagedCatalog.all(), 2, 1 << 20).findings();
    assertThat(scanned).isNotEmpty();
    String sarif =
        ReportSamples.render(OutputFormat.SARIF, new ScanReport(scanned, 0, 0, 0, Duration.ZERO));
    assertThat(sarifSchemaErrors(sarif)).isEmpty();
  }

  @Test
  void accountId_givenElseAwsIdentityElsePlaceholder() {
    assertThat(ScanContext.accountIdOf("123456789012", () -> Optional.of("999999999999")))
        .isEqualTo("123456789012");
    assertThat(ScanContext.accountIdOf(null, () -> Optional.of("999999999999")))
        .isEqualTo("999999999999");
    assertThat(ScanContext.accountIdOf(null, Optional::empty))
        .isEqualTo(ScanContext.PLACEHOLDER_ACCOUNT);
  }

  @Test
  void unconfiguredResultsLocation_isStablePerJob() {
    ScanContext other = new ScanContext("111122223333", "aws", "eu-west-1", "0".repeat(32), null);
    assertThat(ReportSamples.CONTEXT.unconfiguredResultsLocation())
        .isEqualTo(ReportSamples.CONTEXT.unconfiguredResultsLocation());
    assertThat(other.unconfiguredResultsLocation())
        .isNotEqualTo(ReportSamples.CONTEXT.unconfiguredResultsLocation());
    ScanContext given =
        new ScanContext(
            "111122223333", "aws", "eu-west-1", "0".repeat(32), "s3://results/x.jsonl.gz");
    assertThat(given.unconfiguredResultsLocation()).isEqualTo("s3://results/x.jsonl.gz");
  }

  @Test
  void sarifSchemaCheck_canFail() throws IOException {
    assertThat(sarifSchemaErrors("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}"))
        .isNotEmpty();
  }

  @Test
  void table_golden_fitsIn80Columns() throws IOException {
    String table = ReportSamples.render(OutputFormat.TABLE, report);
    Golden.assertMatches("formats/findings.table.txt", table);
    for (String line : table.split("\n")) {
      assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80);
    }
    assertThat(table)
        .contains("USA_SOCIAL_SECURITY_NUMBER")
        .contains("EmployeeId")
        .contains("High");
  }

  @Test
  void table_longNames_stillFitIn80Columns() throws IOException {
    ObjectResult deep =
        ReportSamples.result(
            ReportSamples.local("a/very/long/path/".repeat(8) + "file-with-a-long-name.txt", 10),
            "text/plain",
            new Detection(
                ReportSamples.managed("USA_SOCIAL_SECURITY_NUMBER"),
                123_456_789,
                List.of(new Location.Line(123_456, 123_456, 9_999))));
    String table =
        ReportSamples.render(
            OutputFormat.TABLE,
            ReportSamples.report(ReportSamples.findings(ReportSamples.factory(), List.of(deep))));
    for (String line : table.split("\n")) {
      assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void write_leavesTheWriterOpen() throws IOException {
    for (OutputFormat format : OutputFormat.values()) {
      StringWriter out =
          new StringWriter() {
            @Override
            public void close() {
              throw new AssertionError(format + " closed the writer");
            }
          };
      FindingWriter.of(format).write(report, out);
    }
  }

  @Test
  void formats_parseByName() {
    assertThat(OutputFormat.parse("sarif")).isEqualTo(OutputFormat.SARIF);
    assertThat(OutputFormat.parse("EventBridge")).isEqualTo(OutputFormat.EVENTBRIDGE);
    assertThat(OutputFormat.parse("xml")).isNull();
    assertThat(OutputFormat.names()).isEqualTo("table, json, jsonl, sarif, asff, eventbridge");
  }
}
