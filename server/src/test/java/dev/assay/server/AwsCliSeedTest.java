package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The getting-started sequence a team scripts with the AWS CLI, run unchanged against the server
 * with {@code --endpoint-url}; skipped where there is no {@code aws} on the PATH.
 */
class AwsCliSeedTest {
  private Path home;
  private int port;

  private static boolean haveAws() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "aws"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code aws macie2 ARGS}; its JSON output (null when it prints none). */
  private JsonNode aws(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("aws", "macie2"));
    cmd.addAll(List.of(args));
    cmd.addAll(
        List.of(
            "--endpoint-url",
            "http://127.0.0.1:" + port,
            "--output",
            "json",
            "--region",
            "us-east-1"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "example");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    Path out = home.resolve("out.json");
    Path err = home.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue())
        .as("aws macie2 %s: %s", String.join(" ", args), Files.readString(err))
        .isZero();
    return stdout.isBlank() ? null : Store.JSON.readTree(stdout);
  }

  @Test
  void theGettingStartedScriptWorksWithTheAwsCli(@TempDir Path dir) throws Exception {
    assumeTrue(haveAws(), "no aws CLI on the PATH");
    home = dir;
    Path bucket = dir.resolve("export/DOC-EXAMPLE-BUCKET");
    Files.createDirectories(bucket.resolve("customers"));
    Files.writeString(
        bucket.resolve("customers/2024.csv"),
        "name,ssn,notes\nJane Roe,512-23-4411,ok\nJohn Doe,536-22-1830,ok\n");
    Files.writeString(bucket.resolve("customers/readme.txt"), "nothing sensitive\n");
    Files.writeString(bucket.resolve("employees.txt"), "employee EMP-1234 joined\n");
    try (MacieServer server =
        MacieServer.start(
            ServerFixture.config(dir.resolve("data"))
                .withBuckets(Map.of("DOC-EXAMPLE-BUCKET", bucket)))) {
      port = server.port();
      assertThat(aws("enable-macie")).isNull();
      assertThat(aws("get-macie-session").path("status").asText()).isEqualTo("ENABLED");
      assertThat(aws("update-automated-discovery-configuration", "--status", "ENABLED")).isNull();
      assertThat(aws("get-automated-discovery-configuration").path("status").asText())
          .isEqualTo("ENABLED");

      String cdi1 =
          aws(
                  "create-custom-data-identifier",
                  "--name",
                  "EmployeeId",
                  "--description",
                  "Employee ids",
                  "--regex",
                  "EMP-[0-9]{4}",
                  "--keywords",
                  "employee",
                  "--maximum-match-distance",
                  "30")
              .path("customDataIdentifierId")
              .asText();
      Path cdiFile = dir.resolve("cdi.json");
      Files.writeString(
          cdiFile,
          """
          {"name": "OrderId", "regex": "ORD-[0-9]{6}", "keywords": ["order"], "ignoreWords": ["ORD-000000"],
           "maximumMatchDistance": 50,
           "severityLevels": [{"occurrencesThreshold": 1, "severity": "LOW"}, {"occurrencesThreshold": 50, "severity": "MEDIUM"},
                              {"occurrencesThreshold": 100, "severity": "HIGH"}]}""");
      String cdi2 =
          aws("create-custom-data-identifier", "--cli-input-json", "file://" + cdiFile)
              .path("customDataIdentifierId")
              .asText();
      assertThat(aws("get-custom-data-identifier", "--id", cdi2).path("severityLevels")).hasSize(3);

      JsonNode allowList =
          aws(
              "create-allow-list",
              "--name",
              "test-ssns",
              "--criteria",
              "{\"regex\": \"000-00-[0-9]{4}\"}",
              "--description",
              "test values");
      assertThat(allowList.path("id").asText()).matches("[a-z0-9]{22}");

      Path oneTime = dir.resolve("one-time.json");
      Files.writeString(
          oneTime,
          """
          {"name": "customers-once", "jobType": "ONE_TIME", "managedDataIdentifierSelector": "ALL",
           "customDataIdentifierIds": ["%s"], "allowListIds": ["%s"],
           "s3JobDefinition": {"bucketDefinitions": [{"accountId": "123456789012", "buckets": ["DOC-EXAMPLE-BUCKET"]}],
             "scoping": {"excludes": {"and": [{"simpleScopeTerm": {"comparator": "EQ", "key": "OBJECT_EXTENSION", "values": ["log"]}}]}}}}"""
              .formatted(cdi1, allowList.path("id").asText()));
      String job1 =
          aws("create-classification-job", "--cli-input-json", "file://" + oneTime)
              .path("jobId")
              .asText();

      Path weekly = dir.resolve("weekly.json");
      Files.writeString(
          weekly,
          """
          {"name": "weekly-review", "jobType": "SCHEDULED", "initialRun": false, "samplingPercentage": 100,
           "scheduleFrequency": {"weeklySchedule": {"dayOfWeek": "MONDAY"}},
           "customDataIdentifierIds": ["%s"],
           "s3JobDefinition": {"bucketCriteria": {"includes": {"and": [{"simpleCriterion": {"comparator": "EQ", "key": "S3_BUCKET_NAME",
             "values": ["DOC-EXAMPLE-BUCKET"]}}]}}}}"""
              .formatted(cdi2));
      String job2 =
          aws("create-classification-job", "--cli-input-json", "file://" + weekly)
              .path("jobId")
              .asText();
      JsonNode described2 = aws("describe-classification-job", "--job-id", job2);
      assertThat(described2.path("jobStatus").asText()).isEqualTo("IDLE");
      assertThat(
              described2
                  .path("scheduleFrequency")
                  .path("weeklySchedule")
                  .path("dayOfWeek")
                  .asText())
          .isEqualTo("MONDAY");

      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!aws("describe-classification-job", "--job-id", job1)
          .path("jobStatus")
          .asText()
          .equals("COMPLETE")) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(200);
      }
      JsonNode jobs =
          aws(
              "list-classification-jobs",
              "--filter-criteria",
              "{\"includes\": [{\"comparator\": \"EQ\", \"key\": \"jobStatus\", \"values\": [\"COMPLETE\"]}]}");
      assertThat(jobs.path("items")).hasSize(1);
      assertThat(jobs.path("items").get(0).path("jobId").asText()).isEqualTo(job1);

      JsonNode listed =
          aws(
              "list-findings",
              "--finding-criteria",
              "{\"criterion\": {\"classificationDetails.jobId\": {\"eq\": [\""
                  + job1
                  + "\"]}, \"severity.description\": {\"eq\": [\"High\", \"Medium\"]}}}",
              "--sort-criteria",
              "{\"attributeName\": \"resourcesAffected.s3Object.key\", \"orderBy\": \"ASC\"}");
      List<String> ids = new ArrayList<>();
      listed.path("findingIds").forEach(n -> ids.add(n.asText()));
      assertThat(ids).hasSize(2);
      List<String> args = new ArrayList<>(List.of("get-findings", "--finding-ids"));
      args.addAll(ids);
      JsonNode findings = aws(args.toArray(String[]::new)).path("findings");
      List<String> keys = new ArrayList<>();
      findings.forEach(
          f -> keys.add(f.path("resourcesAffected").path("s3Object").path("key").asText()));
      assertThat(keys).containsExactlyInAnyOrder("customers/2024.csv", "employees.txt");

      JsonNode usage = aws("get-usage-statistics");
      assertThat(usage.path("records").get(0).path("accountId").asText()).isEqualTo("123456789012");

      assertThat(aws("enable-organization-admin-account", "--admin-account-id", "111122223333"))
          .isNull();
      assertThat(
              aws("list-organization-admin-accounts")
                  .path("adminAccounts")
                  .get(0)
                  .path("accountId")
                  .asText())
          .isEqualTo("111122223333");
      JsonNode member =
          aws("create-member", "--account", "accountId=444455556666,email=member@example.com");
      assertThat(member.path("arn").asText()).endsWith(":member/444455556666");
      assertThat(aws("get-member", "--id", "444455556666").path("email").asText())
          .isEqualTo("member@example.com");
    }
  }
}
