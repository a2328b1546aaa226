package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format} sarif, asff and eventbridge, and {@code --results-dir}, through the command
 * line.
 */
class ScanOutputFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLES = "../corpus/samples";

  @TempDir Path dir;

  @Test
  void resultsDir_oneRecordPerObjectInScope_laidOutAsMacie_andFindingsPointAtTheirFile()
      throws IOException {
    Path results = dir.resolve("results");
    CliRun run =
        CliRun.of(
            "scan",
            SAMPLES,
            "--format",
            "jsonl",
            "--results-dir",
            results.toString(),
            "--account-id",
            "123456789012");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(results)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize(1);
    String relative = results.relativize(files.get(0)).toString().replace('\\', '/');
    assertThat(relative)
        .matches(
            "AWSLogs/123456789012/Macie/us-east-1/[0-9a-f]{32}/123456789012/[0-9a-f-]{36}\\.jsonl\\.gz");
    String records;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(files.get(0)))) {
      records = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // 8 objects with findings and 2 clean ones
    assertThat(records.split("\n")).hasSize(10);
    List<String> findings = run.out().lines().toList();
    assertThat(findings).hasSize(8);
    for (String line : findings) {
      JsonNode f = JSON.readTree(line);
      assertThat(f.at("/classificationDetails/detailedResultsLocation").asText())
          .isEqualTo(files.get(0).toAbsolutePath().toString());
      assertThat(records).contains("\"id\":\"" + f.get("id").asText() + "\"");
    }
  }

  @Test
  void withoutResultsDir_findingsSayNoExportIsConfigured_andTheAccountIsThePlaceholder()
      throws IOException {
    CliRun run = CliRun.of("scan", SAMPLES + "/hr", "--format", "jsonl");
    JsonNode f = JSON.readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(f.at("/classificationDetails/detailedResultsLocation").asText())
        .startsWith("s3://[export-config-not-set]/AWSLogs/000000000000/Macie/us-east-1/");
    assertThat(f.get("accountId").asText()).isEqualTo("000000000000");
  }

  @Test
  void sarif_artifactsRelativeToTheRoot() throws IOException {
    CliRun run = CliRun.of("scan", SAMPLES, "--format", "sarif");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode sarif = JSON.readTree(run.out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode runNode = sarif.get("runs").get(0);
    assertThat(runNode.at("/originalUriBaseIds/samples/uri").asText())
        .startsWith("file:/")
        .endsWith("/corpus/samples/");
    assertThat(runNode.get("results").findValuesAsText("uri")).contains("hr/employees.csv");
  }

  @Test
  void asff_andEventbridge() throws IOException {
    CliRun asff = CliRun.of("scan", SAMPLES + "/hr", "--format", "asff");
    assertThat(JSON.readTree(asff.out()).get("Findings")).hasSize(1);
    CliRun events = CliRun.of("scan", SAMPLES + "/hr", "--format", "EVENTBRIDGE");
    JsonNode event = JSON.readTree(events.out().lines().findFirst().orElseThrow());
    assertThat(event.get("detail-type").asText()).isEqualTo("Macie Finding");
  }

  @Test
  void resultsDirThatIsAFile_isAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    CliRun run = CliRun.of("scan", SAMPLES, "--results-dir", file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--results-dir");
  }

  @Test
  void unknownFormat_namesTheFormats() {
    CliRun run = CliRun.of("scan", SAMPLES, "--format", "xml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("table, json, jsonl, sarif, asff, eventbridge");
  }
}
