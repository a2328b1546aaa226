package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay discover} on a bucket export, through the command line. */
class DiscoverCommandTest {
  @Test
  void scoresEachBucketAndARerunContinuesTheSample(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    Files.createDirectories(export.resolve("clean-bucket"));
    Files.createDirectories(export.resolve("hr-bucket"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(export.resolve("clean-bucket/log-" + i + ".txt"), "INFO request " + i + " ok\n");
      Files.writeString(export.resolve("hr-bucket/emp-" + i + ".txt"), "employee ssn 512-23-" + (1000 + i) + "\n");
    }
    String state = dir.resolve("state").toString();
    CliRun first = CliRun.of("discover", export.toString(), "--state-dir", state, "--objects-per-bucket", "10", "--format", "json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode buckets = new ObjectMapper().readTree(first.out()).path("buckets");
    assertThat(buckets).hasSize(2);
    assertThat(buckets.get(0).path("bucketName").asText()).isEqualTo("clean-bucket");
    assertThat(buckets.get(0).path("sensitivityLabel").asText()).isEqualTo("Not sensitive");
    assertThat(buckets.get(1).path("sensitivityLabel").asText()).isEqualTo("Sensitive");
    assertThat(buckets.get(1).path("sensitiveDataTypes").path("USA_SOCIAL_SECURITY_NUMBER").asLong()).isEqualTo(10);
    assertThat(buckets.get(0).path("objectsAnalyzed").asLong()).isEqualTo(10);

    CliRun second = CliRun.of("discover", export.toString(), "--state-dir", state, "--objects-per-bucket", "10");
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("clean-bucket").contains("20/30").contains("This run read");

    CliRun bad = CliRun.of("discover", dir.resolve("nope").toString(), "--state-dir", state);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("no such directory");
  }
}
