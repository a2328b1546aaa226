package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.cli.Main;
import dev.assay.engine.source.s3.S3TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner in local mode against {@code assay scan} on the same input: the sample corpus as
 * files, and the same files in a bucket of a real S3-compatible server on loopback.
 */
class SparkScanTest {
  private static final Path SAMPLES = Path.of("../corpus/samples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static S3TestServer s3;

  @TempDir Path tmp;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3TestServer.start();
    System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
    s3.createBucket("samples-bucket");
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String key = SAMPLES.relativize(f).toString().replace('\\', '/');
        s3.client().putObject(r -> r.bucket("samples-bucket").key(key), f);
      }
    }
  }

  @AfterAll
  static void stopS3() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  /** Local mode with two cores, each task tried up to {@code maxFailures} times. */
  private static SparkConf conf(int maxFailures) {
    return new SparkConf()
        .setMaster("local[2," + maxFailures + "]")
        .setAppName("assay-spark-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
  }

  private record Run(int code, String out, String err) {}

  private static Run spark(SparkConf conf, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkScan.run(conf, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path customIdentifier() throws IOException {
    Path file = tmp.resolve("employee-id.json");
    Files.writeString(
        file,
        "{\"name\": \"employee-id\", \"regex\": \"E-\\\\d{4}\", \"keywords\": [\"employee_id\"], \"maximumMatchDistance\": 300,"
            + " \"severityLevels\": [{\"occurrencesThreshold\": 1, \"severity\": \"LOW\"}, {\"occurrencesThreshold\": 5, \"severity\": \"HIGH\"}]}");
    return file;
  }

  private Path allowList() throws IOException {
    Path file = tmp.resolve("allow.json");
    Files.writeString(
        file, "{\"name\": \"test-ssns\", \"criteria\": {\"regex\": \"512-23-4411\"}}");
    return file;
  }

  /**
   * Findings as comparable JSON: ids, timestamps and the job's own id and results location left
   * out; sorted by object.
   */
  static List<String> normalized(List<JsonNode> findings) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : findings) {
      ObjectNode n = f.deepCopy();
      n.remove(List.of("id", "createdAt", "updatedAt"));
      ObjectNode details = (ObjectNode) n.get("classificationDetails");
      details.remove(List.of("jobId", "jobArn", "detailedResultsLocation"));
      out.add(n.toString());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static List<JsonNode> lines(String text) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** Every finding in the run's part files. */
  private static List<JsonNode> parts(Path output) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve("findings"))) {
      for (Path p :
          files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        out.addAll(lines(Files.readString(p)));
      }
    }
    return out;
  }

  private static List<JsonNode> results(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".jsonl.gz")).toList()) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          out.addAll(lines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }

  @Test
  void localCorpus_sameFindingsAsScan_withAFailedTaskRetried() throws IOException {
    Path cdi = customIdentifier();
    Path allow = allowList();
    Path output = tmp.resolve("out");
    Path results = tmp.resolve("results");
    Run local =
        cli(
            "scan",
            SAMPLES.toString(),
            "--format",
            "jsonl",
            "--quiet",
            "--custom-data-identifier",
            cdi.toString(),
            "--allow-list",
            allow.toString());
    assertThat(local.code()).as(local.err()).isEqualTo(1);
    List<JsonNode> expected = lines(local.out());
    assertThat(expected).hasSizeGreaterThan(3);

    Run run =
        spark(
            conf(3).set("spark.assay.failOnce", "0"),
            SAMPLES.toString(),
            "--output",
            output.toString(),
            "--partitions",
            "3",
            "--results-dir",
            results.toString(),
            "--custom-data-identifier",
            cdi.toString(),
            "--allow-list",
            allow.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    List<JsonNode> found = parts(output);
    assertThat(normalized(found)).isEqualTo(normalized(expected));
    assertThat(
            found.stream()
                .map(f -> f.get("classificationDetails").get("jobId").asText())
                .distinct())
        .hasSize(1);
    assertThat(
            found.stream()
                .map(f -> f.get("resourcesAffected").get("s3Object").get("key").asText())
                .distinct())
        .hasSize(found.size());
    // The failed attempt's findings were replaced, not added to: 3 committed parts, nothing else.
    try (Stream<Path> files = Files.list(output.resolve("findings"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "part-0001-00000.jsonl", "part-0001-00001.jsonl", "part-0001-00002.jsonl");
    }
    // One discovery result per object, each once, and each finding points at the file that holds
    // its object.
    List<JsonNode> records = results(results);
    long files;
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    assertThat(records).hasSize((int) files);
    for (JsonNode f : found) {
      assertThat(Path.of(f.get("classificationDetails").get("detailedResultsLocation").asText()))
          .exists();
    }
    JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
    assertThat(summary.get("objects").asLong()).isEqualTo(files);
    assertThat(summary.get("findings").asInt()).isEqualTo(expected.size());
    assertThat(summary.get("sensitiveDataTypes").has("employee-id")).isTrue();
    assertThat(
            summary
                .get("sensitiveDataTypes")
                .get("USA_SOCIAL_SECURITY_NUMBER")
                .get("occurrences")
                .asLong())
        .isPositive();
  }

  @Test
  void s3Bucket_sameFindingsAsScan_withAFailedTaskRetried() throws IOException {
    String endpoint = s3.endpoint().toString();
    Run local =
        cli(
            "scan",
            "s3://samples-bucket",
            "--endpoint-url",
            endpoint,
            "--format",
            "jsonl",
            "--quiet");
    assertThat(local.code()).as(local.err()).isEqualTo(1);
    List<JsonNode> expected = lines(local.out());

    Path output = tmp.resolve("s3-out");
    Run run =
        spark(
            conf(2).set("spark.assay.failOnce", "2"),
            "s3://samples-bucket",
            "--endpoint-url",
            endpoint,
            "--output",
            output.toString(),
            "--format",
            "json",
            "--partitions",
            "3");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(normalized(parts(output))).isEqualTo(normalized(expected));
    // json: the findings also as one GetFindings body.
    List<JsonNode> combined = new ArrayList<>();
    JSON.readTree(output.resolve("findings.json").toFile()).get("findings").forEach(combined::add);
    assertThat(normalized(combined)).isEqualTo(normalized(expected));
    assertThat(expected.get(0).get("resourcesAffected").get("s3Object").get("eTag").asText())
        .isNotEmpty();
  }

  @Test
  void aFailedRun_resumesFromItsCommittedParts() throws IOException {
    Path output = tmp.resolve("resumed");
    Run local = cli("scan", SAMPLES.toString(), "--format", "jsonl", "--quiet");
    List<JsonNode> expected = lines(local.out());

    // No retries: the job fails with partition 1's first attempt, after others may have committed.
    Run failed =
        spark(
            conf(1).set("spark.assay.failOnce", "1"),
            SAMPLES.toString(),
            "--output",
            output.toString(),
            "--partitions",
            "4");
    assertThat(failed.code()).as(failed.err()).isEqualTo(3);
    assertThat(failed.err()).contains("injected failure").contains("rerun");

    Run resumed =
        spark(conf(1), SAMPLES.toString(), "--output", output.toString(), "--partitions", "4");
    assertThat(resumed.code()).as(resumed.err()).isEqualTo(1);
    assertThat(normalized(parts(output))).isEqualTo(normalized(expected));
    JsonNode summary = JSON.readTree(output.resolve("summary.json").toFile());
    assertThat(summary.get("runs").asInt()).isEqualTo(2);
    assertThat(summary.get("findings").asInt()).isEqualTo(expected.size());

    // A rerun with nothing left to do scans nothing and reports the same.
    Run again =
        spark(conf(1), SAMPLES.toString(), "--output", output.toString(), "--partitions", "4");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains(": 0 object(s)");
    assertThat(normalized(parts(output))).isEqualTo(normalized(expected));

    // Other identifiers into the same output: refused, nothing overwritten.
    Run other =
        spark(
            conf(1),
            SAMPLES.toString(),
            "--output",
            output.toString(),
            "--managed-data-identifier-selector",
            "ALL");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("holds another scan");
  }

  @Test
  void usageErrors_exit2_namingTheOption() {
    assertThat(spark(conf(1), SAMPLES.toString()).err()).contains("--output");
    Run badFormat =
        spark(
            conf(1),
            SAMPLES.toString(),
            "--output",
            tmp.resolve("x").toString(),
            "--format",
            "yaml");
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--format");
    Run checkpoint =
        spark(
            conf(1),
            SAMPLES.toString(),
            "--output",
            tmp.resolve("y").toString(),
            "--checkpoint",
            "c");
    assertThat(checkpoint.code()).isEqualTo(2);
  }
}
