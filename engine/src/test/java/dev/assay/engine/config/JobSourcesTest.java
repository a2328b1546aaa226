package dev.assay.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanFixture;
import dev.assay.engine.Scanner;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.s3.S3Access;
import dev.assay.engine.source.s3.S3TestServer;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed jobs against a real S3-compatible server and against a local export of the same buckets:
 * the same objects in scope and the same findings, apart from what only S3 knows.
 */
class JobSourcesTest {
  @TempDir static Path export;
  private static S3TestServer server;
  private static S3Access access;

  /** bucket → key → content: the same in S3 and in the export. */
  static final Map<String, Map<String, String>> BUCKETS = new LinkedHashMap<>();

  static {
    BUCKETS.put(
        "acme-hr-records",
        Map.of(
            "staff/2024.csv", "name,ssn\nAna Diaz,512-23-4411\nBo Chen,431-58-2207\n",
            "notes/welcome.txt", "Welcome aboard! Nothing sensitive here.\n"));
    BUCKETS.put(
        "acme-finance-exports",
        Map.of(
            "payments.json",
            "{\"customer\":{\"name\":\"Ana\",\"credit card\":\"4556 7375 8689 9855\"}}\n"));
    BUCKETS.put(
        "acme-customer-uploads",
        Map.of(
            "uploads/form.txt", "Employee SSN: 512-23-4411\n",
            "uploads/photo.png", "not really a png; excluded by extension",
            "documents/contract.txt", "card number 4556 7375 8689 9855 on file\n",
            "logs/app.log", "SSN 431-58-2207 in a log: out of scope\n"));
  }

  @BeforeAll
  static void load() throws Exception {
    server = S3TestServer.start();
    access = S3Access.connect(server.settings());
    for (var bucket : BUCKETS.entrySet()) {
      server.createBucket(bucket.getKey());
      for (var object : bucket.getValue().entrySet()) {
        server.put(bucket.getKey(), object.getKey(), object.getValue());
        Path file = export.resolve(bucket.getKey()).resolve(object.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, object.getValue());
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    access.close();
    server.close();
  }

  static ClassificationJob job(String name) throws ConfigException {
    return ClassificationJobFiles.load(Path.of("src/test/resources/jobs", name));
  }

  record Outcome(List<String> scanned, JsonNode findings) {}

  static Outcome scan(List<ObjectSource> sources) throws IOException {
    List<ObjectResult> results = new ArrayList<>();
    Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
        .threads(2)
        .clock(ScanFixture.CLOCK)
        .build()
        .scan(sources, results::add);
    results.sort(
        Comparator.comparing((ObjectResult r) -> r.object().bucket())
            .thenComparing(r -> r.object().key()));
    FindingFactory factory = new FindingFactory(ScanFixture.CONTEXT);
    List<Finding> findings = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    for (ObjectResult r : results) {
      scanned.add(r.object().bucket() + "/" + r.object().key() + " " + r.statusCode());
      factory.toFinding(r).ifPresent(findings::add);
    }
    return new Outcome(scanned, withoutS3Metadata(ScanFixture.normalized(findings)));
  }

  /** Findings without what only S3 knows (ETag, storage class, encryption, tags, bucket facts). */
  static JsonNode withoutS3Metadata(JsonNode tree) {
    for (JsonNode f : tree.get("findings")) {
      ((ObjectNode) f.at("/resourcesAffected/s3Object"))
          .remove(List.of("eTag", "storageClass", "versionId", "serverSideEncryption", "tags"));
      ((ObjectNode) f.at("/resourcesAffected/s3Bucket")).retain("name", "arn");
    }
    return tree;
  }

  @Test
  void seedOneTimeJob_overTwoBuckets_sameInS3AndInTheExport() throws Exception {
    ClassificationJob job = job("one-time-two-buckets.json");
    Outcome s3 = scan(JobSources.inS3(job, access, null));
    Outcome local = scan(JobSources.inExport(job, export, null));
    assertThat(s3.scanned())
        .containsExactly(
            "acme-finance-exports/payments.json COMPLETE",
            "acme-hr-records/notes/welcome.txt COMPLETE",
            "acme-hr-records/staff/2024.csv COMPLETE");
    assertThat(local.scanned()).isEqualTo(s3.scanned());
    assertThat(s3.findings().get("findings")).hasSize(2);
    assertThat(local.findings()).isEqualTo(s3.findings());
    assertThat(JobSources.isExportOf(job, export, null)).isTrue();
    assertThat(JobSources.isExportOf(job, export.resolve("acme-hr-records"), null)).isFalse();
  }

  @Test
  void seedScopedJob_onlyUploadsAndDocuments_sameInS3AndInTheExport() throws Exception {
    ClassificationJob job = job("scoped-uploads-documents.json");
    Outcome s3 = scan(JobSources.inS3(job, access, null));
    Outcome local = scan(JobSources.inExport(job, export, null));
    assertThat(s3.scanned())
        .containsExactly(
            "acme-customer-uploads/documents/contract.txt COMPLETE",
            "acme-customer-uploads/uploads/form.txt COMPLETE");
    assertThat(local.scanned()).isEqualTo(s3.scanned());
    assertThat(local.findings()).isEqualTo(s3.findings());
    assertThat(s3.findings().get("findings"))
        .extracting(f -> f.at("/type").asText())
        .containsExactly("SensitiveData:S3Object/Financial", "SensitiveData:S3Object/Personal");
  }

  @Test
  void bucketCriteria_selectBucketsByName_fromListBucketsAndFromTheExport() throws Exception {
    ClassificationJob job =
        ClassificationJobFiles.parse(
            "criteria.json",
            new ObjectMapper()
                .readTree(
                    "{\"name\":\"c\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketCriteria\":{\"excludes\":{\"and\":[{\"simpleCriterion\":"
                        + "{\"comparator\":\"EQ\",\"key\":\"S3_BUCKET_NAME\",\"values\":[\"acme-hr-records\",\"acme-customer-uploads\"]}}]}}}}"));
    assertThat(JobSources.inS3(job, access, null))
        .extracting(ObjectSource::describe)
        .containsExactly("s3://acme-finance-exports/");
    assertThat(JobSources.inExport(job, export, null)).hasSize(1);
  }

  @Test
  void aBucketMissingFromTheExport_isAConfigurationError() throws Exception {
    Path partial =
        Files.createDirectories(
            export.resolveSibling(export.getFileName() + "-partial").resolve("acme-hr-records"));
    ClassificationJob job = job("one-time-two-buckets.json");
    assertThatThrownBy(() -> JobSources.inExport(job, partial.getParent(), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bucket acme-finance-exports is not in the export");
  }
}
