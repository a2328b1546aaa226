package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifiersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void list_json_isListManagedDataIdentifiersWithRecommended() throws IOException {
    CliRun run = CliRun.of("identifiers", "list", "--format", "json");
    assertThat(run.exit()).isZero();
    JsonNode items = JSON.readTree(run.out()).get("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(6);
    JsonNode ssn = null;
    for (JsonNode item : items) {
      if (item.get("id").asText().equals("USA_SOCIAL_SECURITY_NUMBER")) {
        ssn = item;
      }
    }
    assertThat(ssn).isNotNull();
    assertThat(ssn.get("category").asText()).isEqualTo("PERSONAL_INFORMATION");
    assertThat(ssn.get("recommended").asBoolean()).isTrue();
    // Assay's additions: the pattern that runs, and its keywords.
    assertThat(Pattern.compile(ssn.get("regex").asText()).matcher("ssn 512-23-4411").find())
        .isTrue();
    assertThat(ssn.get("keywordRequirement").asText()).isEqualTo("REQUIRED");
    assertThat(ssn.get("keywords").toString()).contains("ssn");
  }

  @Test
  void test_countsOnlyCodesWithAKeywordBefore() throws IOException {
    Path cdi =
        Files.writeString(
            dir.resolve("prj.json"),
            "{\"name\":\"ProjectCode\",\"regex\":\"PRJ-[A-Z]{4}-[0-9]{2}\",\"keywords\":[\"project\",\"code\",\"initiative\"],\"maximumMatchDistance\":50}");
    String filler = " and then a long unrelated sentence that goes on for a while. ";
    String text =
        "Project PRJ-ABCD-12 is live"
            + filler
            + "PRJ-WXYZ-99 here"
            + filler
            + "The initiative: PRJ-EFGH-34"
            + filler
            + "PRJ-QRST-56 project";
    CliRun run =
        CliRun.of(
            "identifiers", "test", "--custom-data-identifier", cdi.toString(), "--text", text);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("matchCount").asInt()).isEqualTo(2);

    CliRun explained =
        CliRun.of(
            "identifiers",
            "test",
            "--custom-data-identifier",
            cdi.toString(),
            "--text",
            text,
            "--explain");
    JsonNode matches = JSON.readTree(explained.out()).get("matches");
    assertThat(matches).hasSize(4);
    assertThat(matches.get(0).get("verdict").asText()).isEqualTo("COUNTED");
    assertThat(matches.get(0).get("keyword").asText()).isEqualTo("project");
    assertThat(matches.get(1).get("verdict").asText()).isEqualTo("KEYWORD_TOO_FAR");
    assertThat(matches.get(3).get("verdict").asText())
        .isIn("NO_KEYWORD", "KEYWORD_AFTER", "KEYWORD_TOO_FAR");
    assertThat(matches.get(2).at("/location/lineRanges/0/startColumn").asInt())
        .isEqualTo(text.indexOf("PRJ-EFGH") + 1);
  }

  @Test
  void test_overFiles_usesTheirFormat() throws IOException {
    Path cdi =
        Files.writeString(
            dir.resolve("emp.json"),
            "{\"name\":\"Emp\",\"regex\":\"EMP-[0-9]{6}\",\"keywords\":[\"badge\"]}");
    Path csv =
        Files.writeString(dir.resolve("staff.csv"), "name,badge\nBo,EMP-000001\nAl,EMP-000002\n");
    CliRun run =
        CliRun.of(
            "identifiers", "test", "--custom-data-identifier", cdi.toString(), csv.toString());
    assertThat(JSON.readTree(run.out()).get("matchCount").asInt()).isEqualTo(2);
  }
}
