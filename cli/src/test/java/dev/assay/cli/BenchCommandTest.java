package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void bench_reportsEveryIdentifier_withMatchesAndShares() throws Exception {
    Path cdi =
        Files.writeString(
            dir.resolve("emp.json"), "{\"name\":\"EmployeeId\",\"regex\":\"EMP-[0-9]{6}\"}");
    CliRun run =
        CliRun.of(
            "bench",
            "../corpus/samples",
            "--custom-data-identifier",
            cdi.toString(),
            "--repeat",
            "1",
            "--format",
            "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("textMegabytes").asDouble()).isPositive();
    double share = 0;
    boolean ssnFound = false;
    for (JsonNode id : root.get("identifiers")) {
      share += id.get("shareOfTime").asDouble();
      assertThat(id.get("mbPerSecond").asDouble()).isPositive();
      if (id.get("id").asText().equals("USA_SOCIAL_SECURITY_NUMBER")) {
        ssnFound = true;
        assertThat(id.get("matches").asLong())
            .isEqualTo(7); // 4 in the CSV, 2 in the JSON Lines, 1 in the notes
      }
    }
    assertThat(ssnFound).isTrue();
    assertThat(share).isBetween(0.99, 1.01);
    assertThat(root.get("identifiers"))
        .anySatisfy(n -> assertThat(n.get("name").asText()).isEqualTo("EmployeeId"));
    // Per format, by extension: together they hold every match of the whole corpus.
    long perFormat = 0;
    for (JsonNode f : root.get("formats")) {
      assertThat(f.get("objects").asLong()).as(f.toString()).isPositive();
      assertThat(f.get("textMbPerSecond").asDouble()).as(f.toString()).isPositive();
      perFormat += f.get("matches").asLong();
    }
    assertThat(root.get("formats"))
        .extracting(f -> f.get("format").asText())
        .contains("csv", "jsonl");
    assertThat(perFormat).isEqualTo(root.get("overall").get("matches").asLong());
  }

  @Test
  void formatOf_isTheExtension_pastGzip() {
    assertThat(BenchCommand.formatOf("exports/2024/part-0001.CSV")).isEqualTo("csv");
    assertThat(BenchCommand.formatOf("logs/app.log.gz")).isEqualTo("log");
    assertThat(BenchCommand.formatOf("README")).isEqualTo("(none)");
    assertThat(BenchCommand.formatOf("dir.v2/.hidden")).isEqualTo("(none)");
  }

  @Test
  void bench_onGeneratedText_table() {
    CliRun run = CliRun.of("bench", "--synthetic-mb", "1", "--repeat", "1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("IDENTIFIER")
        .contains("CREDIT_CARD_NUMBER")
        .contains("identifiers together");
  }
}
