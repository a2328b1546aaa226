package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command through its command-line contract: output, exit codes and error messages. */
class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLES = "../corpus/samples";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void samples_exit1_withOneFindingPerObjectWithData() throws IOException {
    CliRun run = CliRun.of("scan", SAMPLES, "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode findings = JSON.readTree(run.out()).get("findings");
    List<String> keys = new ArrayList<>();
    findings.forEach(f -> keys.add(f.at("/resourcesAffected/s3Object/key").asText()));
    assertThat(keys)
        .containsExactly(
            "billing/payments.json",
            "config/settings.yaml",
            "deploy/id_ed25519",
            "deploy/tls-server.key",
            "events/signups.jsonl",
            "hr/employees.csv",
            "logs/api-2024-06-30.log",
            "notes/2024-03-12-onboarding.txt");
    assertThat(findings.get(0).at("/resourcesAffected/s3Bucket/name").asText())
        .isEqualTo("samples");
    assertThat(findings.get(0).at("/resourcesAffected/s3Object/path").asText())
        .isEqualTo("samples/billing/payments.json");
  }

  @Test
  void cleanDirectory_exit0() {
    CliRun run = CliRun.of("scan", SAMPLES + "/clean");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("0 findings in 2 objects");
  }

  @Test
  void jsonl_andOutputFile_andBucketName() throws IOException {
    Path out = dir.resolve("findings.jsonl");
    CliRun run =
        CliRun.of(
            "scan",
            SAMPLES + "/hr",
            "--format",
            "jsonl",
            "--output",
            out.toString(),
            "--bucket-name",
            "acme-hr");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(1);
    assertThat(JSON.readTree(lines.get(0)).at("/resourcesAffected/s3Object/path").asText())
        .isEqualTo("acme-hr/employees.csv");
  }

  @Test
  void failOn_comparesTheHighestSeverity() throws IOException {
    Path cdi =
        write(
            "emp.json",
            "{\"name\":\"EmployeeId\",\"regex\":\"EMP-[0-9]{6}\",\"severityLevels\":["
                + "{\"occurrencesThreshold\":1,\"severity\":\"LOW\"},{\"occurrencesThreshold\":10,\"severity\":\"MEDIUM\"},"
                + "{\"occurrencesThreshold\":50,\"severity\":\"HIGH\"}]}");
    Path data = write("data/staff.txt", "EMP-000001 EMP-000002 EMP-000003\n");
    String[] base = {
      "scan",
      data.getParent().toString(),
      "--custom-data-identifier",
      cdi.toString(),
      "--format",
      "json"
    };
    CliRun low = CliRun.of(concat(base, "--fail-on", "LOW"));
    assertThat(low.exit()).isEqualTo(1);
    JsonNode f = JSON.readTree(low.out()).get("findings").get(0);
    assertThat(f.at("/severity/description").asText()).isEqualTo("Low");
    assertThat(f.at("/type").asText()).isEqualTo("SensitiveData:S3Object/CustomIdentifier");
    assertThat(f.at("/classificationDetails/result/customDataIdentifiers/totalCount").asLong())
        .isEqualTo(3);
    assertThat(CliRun.of(concat(base, "--fail-on", "MEDIUM")).exit()).isZero();
    Files.writeString(data, "EMP-000001 EMP-000002 EMP-000003\n".repeat(4));
    CliRun twelve = CliRun.of(concat(base, "--fail-on", "MEDIUM"));
    assertThat(twelve.exit()).isEqualTo(1);
    assertThat(JSON.readTree(twelve.out()).at("/findings/0/severity/description").asText())
        .isEqualTo("Medium");
    assertThat(CliRun.of(concat(base, "--fail-on", "high")).exit()).isZero();
  }

  @Test
  void unparsableFile_isReported_exit3_andEverythingElseStillScanned() throws IOException {
    write("export/broken.pdf", "%PDF-1.7\nthis is not a PDF at all\n");
    write("export/staff.csv", "name,ssn\nBo,512-23-4411\n");
    CliRun run = CliRun.of("scan", dir.resolve("export").toString(), "--format", "json");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("export/broken.pdf").contains("MALFORMED_FILE");
    assertThat(JSON.readTree(run.out()).get("findings")).hasSize(1);
  }

  @Test
  void malformedJson_isScannedAsText_andReported() throws IOException {
    write("export/bad.json", "{\"ssn\": \"512-23-4411\",\n");
    CliRun run = CliRun.of("scan", dir.resolve("export").toString(), "--format", "json");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("export/bad.json").contains("UNABLE_TO_PARSE_FILE");
    JsonNode f = JSON.readTree(run.out()).get("findings").get(0);
    assertThat(
            f.at(
                    "/classificationDetails/result/sensitiveData/0/detections/0/occurrences/lineRanges/0/start")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void usageErrors_exit2_withOneLineNamingTheProblem() throws IOException {
    assertUsage(CliRun.of("scan", SAMPLES, "--no-such-option"), "--no-such-option");
    assertUsage(
        CliRun.of("scan", dir.resolve("missing").toString()), "missing: no such file or directory");
    assertUsage(CliRun.of("scan"), "TARGET");
    assertUsage(CliRun.of("scan", SAMPLES, "--format", "xml"), "--format");
    assertUsage(CliRun.of("scan", SAMPLES, "--fail-on", "CRITICAL"), "--fail-on");
    assertUsage(CliRun.of("scan", SAMPLES, "--managed-data-identifier-selector", "NONE"), "NONE");
    assertUsage(
        CliRun.of(
            "scan",
            SAMPLES,
            "--managed-data-identifier-selector",
            "INCLUDE",
            "--managed-data-identifier-ids",
            "NOT_AN_ID"),
        "NOT_AN_ID");

    Path notJson = write("bad.json", "{\"name\": \"x\", \"regex\": ");
    assertUsage(
        CliRun.of("scan", SAMPLES, "--custom-data-identifier", notJson.toString()),
        notJson + ": not valid JSON at line 1");
    Path badRegex = write("regex.json", "{\"name\": \"x\", \"regex\": \"(abc\"}");
    assertUsage(
        CliRun.of("scan", SAMPLES, "--custom-data-identifier", badRegex.toString()),
        badRegex + ": regex:");
    Path capturing =
        write(
            "capture.json",
            "[{\"name\": \"ok\", \"regex\": \"a{3}\"}, {\"name\": \"x\", \"regex\": \"(abc)\"}]");
    assertUsage(
        CliRun.of("scan", SAMPLES, "--custom-data-identifier", capturing.toString()),
        capturing + ": [1].regex: uses a capturing group");
    Path distance =
        write(
            "distance.json", "{\"name\": \"x\", \"regex\": \"abc\", \"maximumMatchDistance\": 0}");
    assertUsage(
        CliRun.of("scan", SAMPLES, "--custom-data-identifier", distance.toString()),
        distance + ": maximumMatchDistance:");
    Path unknown =
        write("unknown.json", "{\"name\": \"x\", \"regex\": \"abc\", \"keyword\": [\"abc\"]}");
    assertUsage(
        CliRun.of("scan", SAMPLES, "--custom-data-identifier", unknown.toString()),
        unknown + ": keyword: is not a member");
  }

  private static void assertUsage(CliRun run, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).contains(expected).doesNotContain("\n");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
