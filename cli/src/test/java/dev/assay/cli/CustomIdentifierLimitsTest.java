package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every limit of CreateCustomDataIdentifier ("Configuration options for custom data identifiers")
 * rejected with exit 2 and a one-line message naming the file and the field; nothing scanned.
 */
class CustomIdentifierLimitsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name too long|{\"name\": \"N129\", \"regex\": \"abc\"}|name",
        "name missing|{\"regex\": \"abc\"}|name",
        "regex missing|{\"name\": \"x\"}|regex",
        "description too long|{\"name\": \"x\", \"regex\": \"abc\", \"description\": \"D513\"}|description",
        "regex too long|{\"name\": \"x\", \"regex\": \"R513\"}|regex",
        "lookahead|{\"name\": \"x\", \"regex\": \"a(?=b)\"}|regex",
        "51 keywords|{\"name\": \"x\", \"regex\": \"abc\", \"keywords\": K51}|keywords",
        "keyword too short|{\"name\": \"x\", \"regex\": \"abc\", \"keywords\": [\"ok!\", \"ab\"]}|keywords[1]",
        "keyword too long|{\"name\": \"x\", \"regex\": \"abc\", \"keywords\": [\"W91\"]}|keywords[0]",
        "11 ignore words|{\"name\": \"x\", \"regex\": \"abc\", \"ignoreWords\": I11}|ignoreWords",
        "ignore word too short|{\"name\": \"x\", \"regex\": \"abc\", \"ignoreWords\": [\"abc\"]}|ignoreWords[0]",
        "distance 0|{\"name\": \"x\", \"regex\": \"abc\", \"maximumMatchDistance\": 0}|maximumMatchDistance",
        "distance 301|{\"name\": \"x\", \"regex\": \"abc\", \"maximumMatchDistance\": 301}|maximumMatchDistance",
        "distance not a number|{\"name\": \"x\", \"regex\": \"abc\", \"maximumMatchDistance\": \"5\"}|maximumMatchDistance",
        "4 severity levels|{\"name\": \"x\", \"regex\": \"abc\", \"severityLevels\": [{\"occurrencesThreshold\": 1, \"severity\": \"LOW\"}, {\"occurrencesThreshold\": 2, \"severity\": \"MEDIUM\"}, {\"occurrencesThreshold\": 3, \"severity\": \"HIGH\"}, {\"occurrencesThreshold\": 4, \"severity\": \"HIGH\"}]}|severityLevels",
        "severity twice|{\"name\": \"x\", \"regex\": \"abc\", \"severityLevels\": [{\"occurrencesThreshold\": 1, \"severity\": \"LOW\"}, {\"occurrencesThreshold\": 5, \"severity\": \"LOW\"}]}|severityLevels",
        "thresholds descending|{\"name\": \"x\", \"regex\": \"abc\", \"severityLevels\": [{\"occurrencesThreshold\": 10, \"severity\": \"LOW\"}, {\"occurrencesThreshold\": 5, \"severity\": \"HIGH\"}]}|severityLevels",
        "unknown severity|{\"name\": \"x\", \"regex\": \"abc\", \"severityLevels\": [{\"occurrencesThreshold\": 1, \"severity\": \"CRITICAL\"}]}|severityLevels[0].severity",
        "threshold missing|{\"name\": \"x\", \"regex\": \"abc\", \"severityLevels\": [{\"severity\": \"LOW\"}]}|severityLevels[0].occurrencesThreshold",
        "unknown member|{\"name\": \"x\", \"regex\": \"abc\", \"maxDistance\": 5}|maxDistance",
        "not an object|[\"abc\"]|[0]"
      })
  void invalidBody_exit2_namingFileAndField(String caseName, String body, String field)
      throws IOException {
    String expanded =
        body.replace("N129", "n".repeat(129))
            .replace("D513", "d".repeat(513))
            .replace("R513", "a".repeat(513))
            .replace("W91", "w".repeat(91))
            .replace("K51", words(51, "key"))
            .replace("I11", words(11, "word"));
    Path file = Files.writeString(dir.resolve("cdi.json"), expanded);
    CliRun run =
        CliRun.of("scan", "../corpus/samples", "--custom-data-identifier", file.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .startsWith("assay scan: " + file + ": " + field + ":")
        .doesNotContain("\n");
  }

  private static String words(int n, String stem) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(stem).append(i).append('"');
    }
    return sb.append(']').toString();
  }
}
