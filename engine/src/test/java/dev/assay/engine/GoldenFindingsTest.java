package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.report.FindingWriter;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The findings for the bundled sample corpus, compared member by member with a golden file. Run
 * with {@code -Dgolden.update=true} to rewrite the golden file after an intended change, and review
 * the diff.
 */
class GoldenFindingsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/samples-findings.json");

  @Test
  void samples_matchTheGoldenFindings() throws Exception {
    JsonNode actual =
        ScanFixture.normalized(
            ScanFixture.scan(ScanFixture.SAMPLES, ManagedCatalog.recommended(), 2, 1 << 20)
                .findings());
    String pretty =
        FindingWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, pretty);
    }
    JsonNode expected = FindingWriter.JSON.readTree(Files.readString(GOLDEN));
    assertThat(FindingWriter.JSON.readTree(pretty)).isEqualTo(expected);
  }
}
