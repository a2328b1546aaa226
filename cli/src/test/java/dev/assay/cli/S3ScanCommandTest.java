package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.source.s3.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay scan} on S3 targets and jobs, against a real S3-compatible server on loopback,
 * through the default credential chain (set here with the {@code aws.accessKeyId} and {@code
 * aws.secretAccessKey} system properties, as a user's environment would).
 */
class S3ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOBS = "../engine/src/test/resources/jobs/";
  private static S3TestServer server;
  private static String endpoint;
  @TempDir static Path export;

  @BeforeAll
  static void start() throws Exception {
    server = S3TestServer.start();
    endpoint = server.endpoint().toString();
    System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    for (String bucket : List.of("acme-hr-records", "acme-finance-exports")) {
      server.createBucket(bucket);
    }
    put(
        "acme-hr-records",
        "staff/2024.csv",
        "name,ssn\nAna Diaz,512-23-4411\nBo Chen,431-58-2207\n");
    put("acme-hr-records", "notes/welcome.txt", "Nothing sensitive.\n");
    put(
        "acme-finance-exports",
        "payments.json",
        "{\"customer\":{\"credit card\":\"4556 7375 8689 9855\"}}\n");
    put("acme-finance-exports", "allow/words.txt", "4556 7375 8689 9855\n");
  }

  private static void put(String bucket, String key, String content) throws IOException {
    server.put(bucket, key, content);
    Path file = export.resolve(bucket).resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    server.close();
  }

  private static CliRun scan(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "scan", "--endpoint-url", endpoint, "--region", "us-east-1", "--format", "json"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static List<String> paths(CliRun run) throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(run.out())
        .get("findings")
        .forEach(f -> out.add(f.at("/resourcesAffected/s3Object/path").asText()));
    return out;
  }

  /** Findings without what changes between runs or only S3 knows. */
  private static JsonNode comparable(CliRun run) throws IOException {
    JsonNode tree = JSON.readTree(run.out());
    for (JsonNode f : tree.get("findings")) {
      ObjectNode o = (ObjectNode) f;
      o.remove(List.of("id", "createdAt", "updatedAt"));
      ((ObjectNode) f.get("classificationDetails"))
          .remove(List.of("jobId", "jobArn", "detailedResultsLocation"));
      ((ObjectNode) f.at("/resourcesAffected/s3Object"))
          .remove(
              List.of(
                  "eTag",
                  "storageClass",
                  "versionId",
                  "serverSideEncryption",
                  "tags",
                  "lastModified"));
      ((ObjectNode) f.at("/resourcesAffected/s3Bucket")).retain("name", "arn");
    }
    return tree;
  }

  @Test
  void bucketLoadedWithTheAwsCli_isScanned_likeTheSameFilesOnDisk() throws Exception {
    Assumptions.assumeTrue(awsCliPresent(), "the aws CLI is not installed");
    Path upload =
        Files.createDirectories(
            export.resolveSibling(export.getFileName() + "-upload").resolve("hr"));
    Files.writeString(upload.resolve("employees.csv"), "name,ssn\nAna Diaz,512-23-4411\n");
    Files.writeString(upload.resolve("readme.txt"), "Nothing to see.\n");
    aws("s3", "mb", "s3://cli-loaded");
    aws("s3", "cp", upload.toString(), "s3://cli-loaded/hr/", "--recursive");
    CliRun s3 = scan("s3://cli-loaded/hr/");
    assertThat(s3.exit()).as(s3.err()).isEqualTo(1);
    assertThat(paths(s3)).containsExactly("cli-loaded/hr/employees.csv");
    JsonNode f = JSON.readTree(s3.out()).get("findings").get(0);
    assertThat(f.at("/resourcesAffected/s3Object/eTag").asText()).matches("[0-9a-f]{32}");
    assertThat(f.at("/resourcesAffected/s3Object/storageClass").asText()).isEqualTo("STANDARD");
    assertThat(f.at("/resourcesAffected/s3Bucket/owner/id").isMissingNode()).isFalse();
    // s3proxy has no STS: the placeholder account is reported.
    assertThat(f.at("/accountId").asText()).isEqualTo("000000000000");
    CliRun local = scan(upload.getParent().toString(), "--bucket-name", "cli-loaded");
    assertThat(local.exit()).as(local.err()).isEqualTo(1);
    assertThat(comparable(s3)).isEqualTo(comparable(local));
  }

  @Test
  void job_withoutTarget_scansItsBucketsInS3_andTheSameJobScansTheExport() throws Exception {
    CliRun s3 = scan("--job", JOBS + "one-time-two-buckets.json", "--account-id", "111122223333");
    assertThat(s3.exit()).as(s3.err()).isEqualTo(1);
    assertThat(paths(s3))
        .containsExactly("acme-finance-exports/payments.json", "acme-hr-records/staff/2024.csv");
    CliRun local =
        scan(
            export.toString(),
            "--job",
            JOBS + "one-time-two-buckets.json",
            "--account-id",
            "111122223333");
    assertThat(local.exit()).as(local.err()).isEqualTo(1);
    assertThat(comparable(local)).isEqualTo(comparable(s3));
    // Without --account-id and without STS, findings report the account the job's buckets belong
    // to.
    CliRun jobAccount = scan(export.toString(), "--job", JOBS + "one-time-two-buckets.json");
    assertThat(JSON.readTree(jobAccount.out()).at("/findings/0/accountId").asText())
        .isEqualTo("111122223333");
    CliRun explicitRoot = scan(export.toString(), "--export-root", "--account-id", "111122223333");
    assertThat(paths(explicitRoot))
        .containsExactly("acme-finance-exports/payments.json", "acme-hr-records/staff/2024.csv");
  }

  @Test
  void allowListWordsList_isReadFromS3_orFromTheScannedExport() throws Exception {
    Path list =
        Files.writeString(
            export.resolveSibling("allow.json"),
            "{\"name\":\"known-test-cards\",\"criteria\":{\"s3WordsList\":{\"bucketName\":\"acme-finance-exports\",\"objectKey\":\"allow/words.txt\"}}}");
    Path job =
        Files.writeString(
            export.resolveSibling("job-allow.json"),
            "{\"name\":\"with-allow\",\"jobType\":\"ONE_TIME\",\"allowListIds\":[\"known-test-cards\"],"
                + "\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"111122223333\",\"buckets\":[\"acme-finance-exports\"]}]}}");
    CliRun s3 = scan("--job", job.toString(), "--allow-list", list.toString());
    assertThat(s3.exit()).as(s3.err()).isZero();
    CliRun local =
        scan(export.toString(), "--job", job.toString(), "--allow-list", list.toString());
    assertThat(local.exit()).as(local.err()).isZero();
    CliRun without = scan(export.toString(), "--export-root");
    assertThat(paths(without)).contains("acme-finance-exports/payments.json");
  }

  @Test
  void bucketLevelProblems_exit2_beforeTheScan_withAClearMessage() {
    CliRun missing = scan("s3://no-such-bucket");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("s3://no-such-bucket/: the bucket does not exist");
    assertThat(missing.out()).isEmpty();
    CliRun nowhere =
        CliRun.of(
            "scan",
            "s3://acme-hr-records",
            "--endpoint-url",
            "http://127.0.0.1:1",
            "--region",
            "us-east-1");
    assertThat(nowhere.exit()).isEqualTo(2);
    assertThat(nowhere.err()).contains("cannot reach S3 at http://127.0.0.1:1");
    assertThat(scan("s3://acme-hr-records", "--endpoint-url", "not a url").exit()).isEqualTo(2);
    System.setProperty("aws.secretAccessKey", "not-the-secret");
    try {
      CliRun denied = scan("s3://acme-hr-records");
      assertThat(denied.exit()).isEqualTo(2);
      assertThat(denied.err()).contains("secret access key does not match");
    } finally {
      System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    }
  }

  @Test
  void jobErrors_exit2_namingFileAndField() throws Exception {
    Path bad =
        Files.writeString(
            export.resolveSibling("bad-job.json"),
            "{\"name\":\"b\",\"jobType\":\"ONE_TIME\",\"samplingPercentage\":0,\"s3JobDefinition\":{\"bucketDefinitions\":"
                + "[{\"accountId\":\"111122223333\",\"buckets\":[\"acme-hr-records\"]}]}}");
    CliRun run = scan("--job", bad.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(bad + ": samplingPercentage: must be an integer from 1 to 100");
    Path unknown =
        Files.writeString(
            export.resolveSibling("unknown-ids.json"),
            "{\"name\":\"u\",\"jobType\":\"ONE_TIME\",\"customDataIdentifierIds\":[\"no-such-cdi\"],\"s3JobDefinition\":"
                + "{\"bucketDefinitions\":[{\"accountId\":\"111122223333\",\"buckets\":[\"acme-hr-records\"]}]}}");
    CliRun u = scan(export.toString(), "--job", unknown.toString());
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err())
        .contains(
            unknown
                + ": customDataIdentifierIds[0]: no custom data identifier with id or name 'no-such-cdi'");
    CliRun notTheJobs =
        scan(
            export.resolve("acme-hr-records").toString(),
            "--job",
            JOBS + "scoped-uploads-documents.json");
    assertThat(notTheJobs.exit()).isEqualTo(2);
    assertThat(notTheJobs.err())
        .contains("is neither an export holding the job's buckets nor one of them");
    assertThat(CliRun.of("scan").exit()).isEqualTo(2);
  }

  @Test
  void jobSelectorAndCustomIds_comeFromTheJob() throws Exception {
    Path cdi =
        Files.writeString(
            export.resolveSibling("emp.json"),
            "{\"id\":\"3c0f7e2a-1111-4c5d-9e8f-000000000001\",\"name\":\"EmployeeId\",\"regex\":\"EMP-[0-9]{6}\"}");
    Files.writeString(export.resolve("acme-hr-records/staff/ids.txt"), "EMP-000001 EMP-000002\n");
    Path job =
        Files.writeString(
            export.resolveSibling("job-none.json"),
            "{\"name\":\"n\",\"jobType\":\"ONE_TIME\",\"managedDataIdentifierSelector\":\"NONE\",\"customDataIdentifierIds\":[\"EmployeeId\"],"
                + "\"s3JobDefinition\":{\"bucketDefinitions\":[{\"accountId\":\"111122223333\",\"buckets\":[\"acme-hr-records\"]}]}}");
    CliRun run =
        scan(
            export.toString(), "--job", job.toString(), "--custom-data-identifier", cdi.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(paths(run)).containsExactly("acme-hr-records/staff/ids.txt");
    CliRun both =
        scan(
            export.toString(),
            "--job",
            job.toString(),
            "--custom-data-identifier",
            cdi.toString(),
            "--managed-data-identifier-selector",
            "ALL");
    assertThat(both.exit()).isEqualTo(2);
    Files.delete(export.resolve("acme-hr-records/staff/ids.txt"));
  }

  private static boolean awsCliPresent() {
    return CliRun.installed("aws", "--version");
  }

  private static void aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY);
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", export.resolveSibling("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", export.resolveSibling("no-aws-credentials").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
