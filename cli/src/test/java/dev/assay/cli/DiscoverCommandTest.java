package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.source.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay discover} on a bucket export, through the command line. */
class DiscoverCommandTest {
  @Test
  void theSameBucketsInS3GetTheSameScoresAndARerunContinues(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    try (S3TestServer s3 = S3TestServer.start()) {
      System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
      for (String b : List.of("plain-logs", "some-hr", "all-cards")) {
        Files.createDirectories(export.resolve(b));
        s3.createBucket(b);
      }
      for (int i = 0; i < 40; i++) {
        put(s3, export, "plain-logs", "app/log-" + i + ".txt", "INFO request " + i + " ok\n");
        put(s3, export, "some-hr", "app/log-" + i + ".txt", "INFO request " + i + " ok\n");
        put(
            s3,
            export,
            "all-cards",
            "pay/p-" + i + ".txt",
            "paid by credit card 4556 7375 8689 9855 on order " + i + "\n");
      }
      put(s3, export, "some-hr", "hr/emp.csv", "name,ssn\nJane Roe,512-23-4411\n");
      Path localState = dir.resolve("local-state");
      CliRun local =
          CliRun.of(
              "discover",
              export.toString(),
              "--state-dir",
              localState.toString(),
              "--objects-per-bucket",
              "15",
              "--format",
              "json");
      assertThat(local.exit()).as(local.err()).isZero();
      // the same seed, so the same sample
      Path s3State = Files.createDirectories(dir.resolve("s3-state"));
      Files.copy(localState.resolve("discovery.json"), s3State.resolve("discovery.json"));
      String[] s3Args = {
        "discover",
        "s3://all-cards",
        "s3://plain-logs",
        "s3://some-hr",
        "--endpoint-url",
        s3.endpoint().toString(),
        "--region",
        "us-east-1",
        "--state-dir",
        s3State.toString(),
        "--objects-per-bucket",
        "15",
        "--format",
        "json"
      };
      CliRun remote = CliRun.of(s3Args);
      assertThat(remote.exit()).as(remote.err()).isZero();
      ObjectMapper json = new ObjectMapper();
      Map<String, String> localScores = scores(json.readTree(local.out()));
      assertThat(scores(json.readTree(remote.out()))).isEqualTo(localScores);
      assertThat(Integer.parseInt(localScores.get("all-cards").split(" ")[0]))
          .isGreaterThan(Integer.parseInt(localScores.get("some-hr").split(" ")[0]));
      assertThat(localScores.get("plain-logs")).endsWith("Not sensitive");
      JsonNode again = json.readTree(CliRun.of(s3Args).out());
      for (JsonNode b : again.path("buckets")) {
        assertThat(b.path("objectsAnalyzed").asLong())
            .as(b.path("bucketName").asText())
            .isEqualTo(Math.min(30, b.path("objectCount").asLong()));
      }
    }
  }

  private static void put(S3TestServer s3, Path export, String bucket, String key, String text)
      throws Exception {
    Path file = export.resolve(bucket).resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    s3.put(bucket, key, text);
  }

  private static Map<String, String> scores(JsonNode root) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode b : root.path("buckets")) {
      out.put(
          b.path("bucketName").asText(),
          b.path("sensitivityScore").asInt() + " " + b.path("sensitivityLabel").asText());
    }
    return out;
  }

  @Test
  void scoresEachBucketAndARerunContinuesTheSample(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    Files.createDirectories(export.resolve("clean-bucket"));
    Files.createDirectories(export.resolve("hr-bucket"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(
          export.resolve("clean-bucket/log-" + i + ".txt"), "INFO request " + i + " ok\n");
      Files.writeString(
          export.resolve("hr-bucket/emp-" + i + ".txt"),
          "employee ssn 512-23-" + (1000 + i) + "\n");
    }
    String state = dir.resolve("state").toString();
    CliRun first =
        CliRun.of(
            "discover",
            export.toString(),
            "--state-dir",
            state,
            "--objects-per-bucket",
            "10",
            "--format",
            "json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode buckets = new ObjectMapper().readTree(first.out()).path("buckets");
    assertThat(buckets).hasSize(2);
    assertThat(buckets.get(0).path("bucketName").asText()).isEqualTo("clean-bucket");
    assertThat(buckets.get(0).path("sensitivityLabel").asText()).isEqualTo("Not sensitive");
    assertThat(buckets.get(1).path("sensitivityLabel").asText()).isEqualTo("Sensitive");
    assertThat(
            buckets.get(1).path("sensitiveDataTypes").path("USA_SOCIAL_SECURITY_NUMBER").asLong())
        .isEqualTo(10);
    assertThat(buckets.get(0).path("objectsAnalyzed").asLong()).isEqualTo(10);

    CliRun second =
        CliRun.of(
            "discover", export.toString(), "--state-dir", state, "--objects-per-bucket", "10");
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("clean-bucket").contains("20/30").contains("This run read");

    CliRun bad = CliRun.of("discover", dir.resolve("nope").toString(), "--state-dir", state);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("no such directory");
  }
}
