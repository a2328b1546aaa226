package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.source.s3.S3TestServer;
import dev.assay.server.MacieServer;
import dev.assay.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.macie2.Macie2Client;

/**
 * {@code scan --backend macie2|both} against {@code assay serve}'s server in this JVM as the Macie
 * endpoint, over a bucket on a real S3-compatible server (s3proxy on loopback): Macie's findings
 * are reported as the local engine's, the two backends agree, and a difference made on the Macie
 * side (an allow list of the same name with other criteria) is reported.
 */
@SuppressWarnings("deprecation") // the SDK's Apache 4 client, as users' code has it
class MacieBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "people-exports";
  private static final String ACCOUNT = "123456789012";
  private static S3TestServer s3;
  private static MacieServer server;
  private static Macie2Client macie;
  @TempDir static Path dir;
  private static Path customIdentifier;
  private static Path allowList;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3TestServer.start();
    System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    s3.createBucket(BUCKET);
    s3.put(
        BUCKET,
        "hr/staff.csv",
        "name,ssn,phone\nAna Diaz,512-23-4411,555-0100\nBo Chen,431-58-2207,555-0101\n");
    s3.put(
        BUCKET,
        "hr/badges.txt",
        "employee badge EMP-4821 issued; employee badge EMP-7730 revoked\n");
    s3.put(
        BUCKET,
        "pay/cards.json",
        "{\"customer\":{\"credit card\":\"4556 7375 8689 9855\",\"name\":\"Jane Roe\"}}\n");
    s3.put(
        BUCKET,
        "keys/app.env",
        "aws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=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\n");
    s3.put(BUCKET, "notes/readme.txt", "nothing sensitive here, only words\n");
    s3.put(BUCKET, "other/ssn.txt", "ssn 536-22-1830\n");
    server =
        MacieServer.start(
            ServerConfig.defaults(dir.resolve("macie"))
                .withAccount(ACCOUNT, "us-east-1")
                .withThreads(2)
                .withScheduleTick(Duration.ofMillis(200))
                .withS3(s3.settings()));
    macie =
        Macie2Client.builder()
            .httpClientBuilder(ApacheHttpClient.builder())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
            .endpointOverride(URI.create(macieEndpoint()))
            .build();
    macie.enableMacie(r -> r.status("ENABLED"));
    customIdentifier = dir.resolve("badge.json");
    Files.writeString(
        customIdentifier,
        """
        {"name": "employee-badge", "regex": "EMP-[0-9]{4}", "keywords": ["badge"], "maximumMatchDistance": 20,
         "severityLevels": [{"occurrencesThreshold": 1, "severity": "MEDIUM"}]}
        """);
    allowList = dir.resolve("allow.json");
    Files.writeString(
        allowList,
        """
        {"name": "test-values", "criteria": {"regex": "555-01[0-9]{2}"}}
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    macie.close();
    server.close();
    s3.close();
  }

  private static String macieEndpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  private static CliRun scan(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "scan",
                "--endpoint-url",
                s3.endpoint().toString(),
                "--region",
                "us-east-1",
                "--account-id",
                ACCOUNT));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /**
   * Findings without what differs between any two runs: ids, times, the job, and where results go.
   */
  private static JsonNode comparable(String json) throws IOException {
    JsonNode tree = JSON.readTree(json);
    for (JsonNode f : tree.get("findings")) {
      ObjectNode o = (ObjectNode) f;
      o.remove(List.of("id", "createdAt", "updatedAt"));
      ObjectNode details = (ObjectNode) o.get("classificationDetails");
      details.remove(List.of("jobArn", "jobId", "detailedResultsLocation"));
      ((ObjectNode) o.at("/resourcesAffected/s3Object")).remove("lastModified");
      for (JsonNode d : o.at("/classificationDetails/result/customDataIdentifiers/detections")) {
        ((ObjectNode) d).remove("arn");
      }
    }
    return tree;
  }

  @Test
  void macieFindingsEqualTheLocalEnginesInEveryMember() throws Exception {
    String[] common = {
      "s3://" + BUCKET + "/",
      "--format",
      "json",
      "--custom-data-identifier",
      customIdentifier.toString(),
      "--allow-list",
      allowList.toString(),
      "--managed-data-identifier-selector",
      "ALL"
    };
    CliRun local = scan(common);
    assertThat(local.exit()).as(local.err()).isEqualTo(1);
    List<String> withMacie = new ArrayList<>(List.of(common));
    withMacie.addAll(List.of("--backend", "macie2", "--macie-endpoint-url", macieEndpoint()));
    CliRun remote = scan(withMacie.toArray(String[]::new));
    assertThat(remote.exit()).as(remote.err()).isEqualTo(1);
    assertThat(remote.err())
        .contains("macie2: created job")
        .contains("COMPLETE")
        .containsPattern("(created|reusing) custom data identifier 'employee-badge'");

    JsonNode localFindings = comparable(local.out());
    JsonNode macieFindings = comparable(remote.out());
    assertThat(macieFindings.get("findings").size()).isEqualTo(5);
    assertThat(macieFindings).isEqualTo(localFindings);
    // The job really ran on the server: its findings name it.
    String jobId =
        JSON.readTree(remote.out()).at("/findings/0/classificationDetails/jobId").asText();
    assertThat(macie.describeClassificationJob(r -> r.jobId(jobId)).jobTypeAsString())
        .isEqualTo("ONE_TIME");

    // A second run reuses the identifier and the allow list by name instead of creating more.
    CliRun again = scan(withMacie.toArray(String[]::new));
    assertThat(again.err())
        .contains("reusing custom data identifier 'employee-badge'")
        .contains("reusing allow list 'test-values'");
    assertThat(macie.listCustomDataIdentifiers(r -> r.maxResults(50)).items()).hasSize(1);
    assertThat(comparable(again.out())).isEqualTo(localFindings);
  }

  @Test
  void aPrefixScopesTheJobAndEveryFormatIsWritten() throws Exception {
    CliRun table =
        scan(
            "s3://" + BUCKET + "/hr/",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint());
    assertThat(table.exit()).as(table.err()).isEqualTo(1);
    assertThat(table.out())
        .contains("hr/staff.csv")
        .doesNotContain("pay/cards.json")
        .doesNotContain("other/ssn.txt");
    CliRun sarif =
        scan(
            "s3://" + BUCKET + "/other/",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--format",
            "sarif");
    assertThat(sarif.exit()).as(sarif.err()).isEqualTo(1);
    assertThat(JSON.readTree(sarif.out()).at("/runs/0/results").size()).isEqualTo(1);
    // The badges are a MEDIUM finding of the custom identifier: under --fail-on HIGH.
    CliRun high =
        scan(
            "s3://" + BUCKET + "/hr/badges",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--fail-on",
            "HIGH",
            "--custom-data-identifier",
            customIdentifier.toString(),
            "--managed-data-identifier-selector",
            "NONE");
    assertThat(high.exit()).as(high.err()).isZero();
    assertThat(high.out()).contains("hr/badges.txt").contains("employee-badge");
  }

  @Test
  void bothBackendsAgreeAndCleanupLeavesNothingBehind() throws Exception {
    Path badge = dir.resolve("badge-cleanup.json");
    Files.writeString(
        badge,
        Files.readString(customIdentifier).replace("employee-badge", "badge-" + UUID.randomUUID()));
    CliRun both =
        scan(
            "s3://" + BUCKET + "/",
            "--backend",
            "both",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--custom-data-identifier",
            badge.toString(),
            "--cleanup",
            "-v");
    assertThat(both.exit()).as(both.err() + both.out()).isZero();
    assertThat(both.out())
        .contains("local and Macie agree")
        .contains("USA_SOCIAL_SECURITY_NUMBER")
        .doesNotContain("differs");
    assertThat(both.err()).contains("deleted custom data identifier");
    String name = JSON.readTree(Files.readString(badge)).get("name").asText();
    assertThat(macie.listCustomDataIdentifiers(r -> r.maxResults(50)).items())
        .noneMatch(i -> i.name().equals(name));
  }

  @Test
  void aDifferenceOnTheMacieSideIsReported() throws Exception {
    // Macie already has an allow list of this name, whose criteria also allow one of the SSNs.
    macie.createAllowList(
        r ->
            r.name("approved")
                .clientToken(UUID.randomUUID().toString())
                .criteria(c -> c.regex("512-23-4411")));
    Path local = dir.resolve("approved.json");
    Files.writeString(
        local, "{\"name\": \"approved\", \"criteria\": {\"regex\": \"000-00-0000\"}}");
    CliRun both =
        scan(
            "s3://" + BUCKET + "/",
            "--backend",
            "both",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--allow-list",
            local.toString(),
            "--format",
            "json");
    assertThat(both.exit()).as(both.err()).isEqualTo(1);
    assertThat(both.err()).contains("Macie already has an allow list named 'approved'");
    JsonNode differences = JSON.readTree(both.out()).get("differences");
    assertThat(differences).hasSize(1);
    assertThat(differences.get(0).get("key").asText()).isEqualTo("hr/staff.csv");
    assertThat(differences.get(0).get("identifier").asText())
        .isEqualTo("USA_SOCIAL_SECURITY_NUMBER");
    assertThat(differences.get(0).get("local").asLong()).isEqualTo(2);
    assertThat(differences.get(0).get("macie").asLong()).isEqualTo(1);
    // The credentials, the card and the other SSN: RECOMMENDED has no NAME, and nothing else
    // differs.
    assertThat(JSON.readTree(both.out()).get("matches")).hasSize(3);
  }

  @Test
  void clearErrorsForWhatMacieCannotDo() throws Exception {
    CliRun local =
        scan(dir.toString(), "--backend", "macie2", "--macie-endpoint-url", macieEndpoint());
    assertThat(local.exit()).isEqualTo(2);
    assertThat(local.err()).contains("Macie scans only S3");

    // Without --account-id the bucket's account comes from Macie's inventory, which has no such
    // bucket.
    CliRun unknown =
        CliRun.of(
            "scan",
            "s3://no-such-bucket/",
            "--endpoint-url",
            s3.endpoint().toString(),
            "--region",
            "us-east-1",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint());
    assertThat(unknown.exit()).as(unknown.err()).isEqualTo(2);
    assertThat(unknown.err()).contains("bucket no-such-bucket is not in Macie's S3 inventory");

    Path many = dir.resolve("many.json");
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < 31; i++) {
      array
          .append(i == 0 ? "" : ",")
          .append("{\"name\": \"id-")
          .append(i)
          .append("\", \"regex\": \"X")
          .append(i)
          .append("[0-9]{4}\"}");
    }
    Files.writeString(many, array.append("]").toString());
    CliRun quota =
        scan(
            "s3://" + BUCKET + "/",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--custom-data-identifier",
            many.toString());
    assertThat(quota.exit()).isEqualTo(2);
    assertThat(quota.err()).contains("at most 30 custom data identifiers");

    Path words = dir.resolve("words.txt");
    Files.writeString(words, "512-23-4411\n");
    CliRun text =
        scan(
            "s3://" + BUCKET + "/",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            macieEndpoint(),
            "--allow-list",
            words.toString());
    assertThat(text.exit()).isEqualTo(2);
    assertThat(text.err()).contains(words.toString()).contains("s3WordsList");

    CliRun stray = scan("s3://" + BUCKET + "/", "--cleanup");
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err()).contains("--cleanup: applies only with --backend macie2 or both");

    CliRun down =
        scan(
            "s3://" + BUCKET + "/",
            "--backend",
            "macie2",
            "--macie-endpoint-url",
            "http://127.0.0.1:9");
    assertThat(down.exit()).isEqualTo(2);
    assertThat(down.err()).contains("cannot reach Macie at http://127.0.0.1:9");
  }

  @Test
  void throttlingIsRetriedAndAPausedJobIsAnIncompleteScan() throws Exception {
    try (FaultyMacie faulty = new FaultyMacie(macieEndpoint())) {
      // Macie throttles the first three requests: the backend backs off and retries.
      faulty.throttleNext(3);
      CliRun run =
          scan(
              "s3://" + BUCKET + "/other/",
              "--backend",
              "macie2",
              "--macie-endpoint-url",
              faulty.endpoint(),
              "--format",
              "json");
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(faulty.throttled()).isEqualTo(3);
      assertThat(JSON.readTree(run.out()).get("findings")).hasSize(1);

      // A job that a user pauses: exit 3 with what to do, and --cleanup deletes what the run
      // created.
      faulty.reportStatus("USER_PAUSED");
      Path badge = dir.resolve("badge-paused.json");
      Files.writeString(
          badge, Files.readString(customIdentifier).replace("employee-badge", "paused-badge"));
      CliRun paused =
          scan(
              "s3://" + BUCKET + "/other/",
              "--backend",
              "macie2",
              "--macie-endpoint-url",
              faulty.endpoint(),
              "--custom-data-identifier",
              badge.toString(),
              "--cleanup");
      assertThat(paused.exit()).as(paused.err()).isEqualTo(3);
      assertThat(paused.err())
          .contains("was paused (USER_PAUSED)")
          .contains("update-classification-job")
          .contains("deleted custom data identifier");
      assertThat(paused.out()).isEmpty();
      assertThat(macie.listCustomDataIdentifiers(r -> r.maxResults(50)).items())
          .noneMatch(i -> i.name().equals("paused-badge"));

      faulty.reportStatus("CANCELLED");
      CliRun cancelled =
          scan(
              "s3://" + BUCKET + "/other/",
              "--backend",
              "macie2",
              "--macie-endpoint-url",
              faulty.endpoint());
      assertThat(cancelled.exit()).isEqualTo(3);
      assertThat(cancelled.err()).contains("ended CANCELLED");
    }
  }

  @Test
  void macieNotEnabledIsSaidSo() throws Exception {
    try (MacieServer disabled =
        MacieServer.start(ServerConfig.defaults(dir.resolve("disabled")).withS3(s3.settings()))) {
      CliRun run =
          scan(
              "s3://" + BUCKET + "/",
              "--backend",
              "macie2",
              "--macie-endpoint-url",
              "http://127.0.0.1:" + disabled.port());
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("Macie is not enabled").contains("enable-macie");
      assertThat(run.out()).isEmpty();
    }
  }
}
