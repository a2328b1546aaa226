package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON records repeat their member names, and the analyser skips a name it has scanned under the
 * same field names and found nothing in. The same name under other field names is still scanned,
 * and a name that counts counts in every record.
 */
class RepeatedNamesTest {
  @TempDir Path dir;

  @Test
  void aNameFoundEmptyUnderOneObject_stillCountsUnderAnotherWhoseNamesAreKeywords()
      throws Exception {
    // The SSN-shaped name has no keyword under "other", and the keyword "ssn" under "ssn"; the
    // "ssn" objects come only after many batches of records where the name was found empty.
    StringBuilder jsonl = new StringBuilder();
    int expected = 0;
    for (int i = 0; i < 10_000; i++) {
      jsonl.append("{\"other\": {\"512-23-4411\": 1}, \"n\": ").append(i);
      if (i >= 5000 && i % 10 == 0) {
        jsonl.append(", \"ssn\": {\"512-23-4411\": 2}");
        expected++;
      }
      jsonl.append("}\n");
    }
    Files.writeString(dir.resolve("records.jsonl"), jsonl);
    assertThat(jsonl.length()).isGreaterThan(6 * ObjectAnalyzer.BATCH_CHARS);

    for (int threads : new int[] {1, 2}) {
      ScanFixture.Outcome outcome = ScanFixture.scan(dir, ManagedCatalog.all(), threads, 4096);
      Map<String, Long> counts = new TreeMap<>();
      for (ObjectResult r : outcome.results()) {
        assertThat(r.statusCode()).isEqualTo("COMPLETE");
        for (Detection d : r.detections()) {
          counts.put(d.identifier().id(), d.count());
        }
      }

      assertThat(counts)
          .as("%d threads", threads)
          .containsEntry("USA_SOCIAL_SECURITY_NUMBER", (long) expected);
    }
  }
}
