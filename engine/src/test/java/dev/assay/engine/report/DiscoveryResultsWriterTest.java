package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.ObjectResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery results: layout, one record per object in scope, locations kept, rotation. */
class DiscoveryResultsWriterTest {
  @TempDir Path dir;

  private static final String PREFIX =
      "AWSLogs/111122223333/Macie/eu-west-1/4f1c2a9be07d43c5a8f6d2e1b3c4d5e6/111122223333/";

  private List<Finding> writeAll(List<ObjectResult> results, int maxRecords) throws IOException {
    List<Finding> findings = new ArrayList<>();
    try (DiscoveryResultsWriter writer =
        new DiscoveryResultsWriter(
            dir,
            ReportSamples.factory(),
            maxRecords,
            DiscoveryResultsWriter.MAX_BYTES_PER_FILE,
            ReportSamples.counterUuids())) {
      for (ObjectResult r : results) {
        writer.write(r).ifPresent(findings::add);
      }
    }
    return findings;
  }

  /** Every record of every results file, in file-name order. */
  static List<String> records(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : files(root)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isEmpty()) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void oneGzippedJsonLinesRecordPerObjectInScope_laidOutAsMacieLaysThemOut_golden()
      throws IOException {
    List<ObjectResult> results = ReportSamples.results();
    List<Finding> findings = writeAll(results, DiscoveryResultsWriter.MAX_RECORDS_PER_FILE);
    Path file = dir.resolve(PREFIX + "00000000-0000-0000-0000-000000000001.jsonl.gz");
    assertThat(files(dir)).containsExactly(file);
    List<String> records = records(dir);
    assertThat(records).hasSize(results.size());
    Golden.assertMatches(
        "formats/discovery-results.jsonl",
        String.join("\n", records).replace(dir.toAbsolutePath().toString(), "<results-dir>")
            + "\n");

    assertThat(findings).hasSize(6);
    for (Finding f : findings) {
      assertThat(f.classificationDetails().detailedResultsLocation())
          .isEqualTo(file.toAbsolutePath().toString());
    }
    JsonNode xlsx = record(records, "2025/01/staff.xlsx");
    assertThat(
            xlsx.at("/classificationDetails/result/sensitiveData/0/detections/0/occurrences/cells"))
        .hasSize(20);
    assertThat(xlsx.at("/classificationDetails/result/additionalOccurrences").asBoolean())
        .isFalse();
    Finding xlsxFinding = ReportSamples.only(findings, "2025/01/staff.xlsx").orElseThrow();
    assertThat(xlsx.get("id").asText()).isEqualTo(xlsxFinding.id());
    assertThat(xlsx.get("type").asText()).isEqualTo("SensitiveData:S3Object/Personal");
    assertThat(xlsx.has("archived")).isFalse();
    assertThat(xlsx.has("count")).isFalse();

    JsonNode skipped = record(records, "media/photo.jpg");
    assertThat(skipped.at("/classificationDetails/result/status/code").asText())
        .isEqualTo("SKIPPED");
    assertThat(skipped.at("/classificationDetails/result/status/reason").asText())
        .isEqualTo("UNSUPPORTED_FILE_TYPE_EXCEPTION");
    assertThat(skipped.at("/classificationDetails/result/sensitiveData")).isEmpty();
    assertThat(skipped.has("type")).isFalse();
    assertThat(skipped.has("severity")).isFalse();
    JsonNode clean = record(records, "clean/readme.txt");
    assertThat(clean.at("/classificationDetails/result/status/code").asText())
        .isEqualTo("COMPLETE");
    assertThat(clean.at("/classificationDetails/result/status/reason").isNull()).isTrue();
    assertThat(clean.at("/classificationDetails/result/customDataIdentifiers/totalCount").asLong())
        .isZero();
    assertThat(clean.get("id").asText()).matches("[0-9a-f]{32}");
  }

  private static JsonNode record(List<String> records, String key) throws IOException {
    for (String r : records) {
      JsonNode n = FindingWriter.JSON.readTree(r);
      if (n.at("/resourcesAffected/s3Object/key").asText().equals(key)) {
        return n;
      }
    }
    throw new AssertionError("no record for " + key);
  }

  @Test
  void rotates_afterMaxRecords_andEachFindingPointsAtTheFileHoldingItsRecord() throws IOException {
    List<ObjectResult> results = ReportSamples.results();
    List<Finding> findings = writeAll(results, 3);
    List<Path> files = files(dir);
    assertThat(files).hasSize(3); // 8 records: 3 + 3 + 2
    for (Finding f : findings) {
      Path file = Path.of(f.classificationDetails().detailedResultsLocation());
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("\"id\":\"" + f.id() + "\"");
      }
    }
    assertThat(records(dir)).hasSize(results.size());
  }

  @Test
  void noObjects_noFile() throws IOException {
    assertThat(writeAll(List.of(), 10)).isEmpty();
    assertThat(files(dir)).isEmpty();
  }

  @Test
  void write_returnsTheFindingOnlyForObjectsWithReportableData() throws IOException {
    List<ObjectResult> results = ReportSamples.results();
    try (DiscoveryResultsWriter writer = new DiscoveryResultsWriter(dir, ReportSamples.factory())) {
      Optional<Finding> clean =
          writer.write(
              results.stream().filter(r -> r.detections().isEmpty()).findFirst().orElseThrow());
      assertThat(clean).isEmpty();
      assertThat(writer.filesWritten()).isEqualTo(1);
    }
  }
}
