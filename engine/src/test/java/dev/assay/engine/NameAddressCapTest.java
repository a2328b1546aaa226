package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.managed.ManagedCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Macie stops counting NAME occurrences after the first 1,000 in a file; SSNs are counted in full.
 */
class NameAddressCapTest {
  @TempDir Path dir;

  @Test
  void name_isCountedUpTo1000_perFile_otherIdentifiersInFull() throws Exception {
    Path root = Files.createDirectories(dir.resolve("people"));
    StringBuilder csv = new StringBuilder("full_name,ssn\n");
    String[] names = {"Maria Gonzalez", "James Smith", "Emily Johnson", "Robert Brown"};
    for (int i = 0; i < 1200; i++) {
      csv.append(names[i % names.length])
          .append(",512-23-")
          .append(String.format("%04d", 1000 + i))
          .append('\n');
    }
    Files.writeString(root.resolve("people.csv"), csv);
    List<ObjectResult> results = ScanFixture.scan(root, ManagedCatalog.all(), 1, 1 << 20).results();
    ObjectResult r = results.get(0);
    Detection name =
        r.detections().stream()
            .filter(d -> d.identifier().id().equals("NAME"))
            .findFirst()
            .orElseThrow();
    Detection ssn =
        r.detections().stream()
            .filter(d -> d.identifier().id().equals("USA_SOCIAL_SECURITY_NUMBER"))
            .findFirst()
            .orElseThrow();
    assertThat(name.count()).isEqualTo(1000);
    assertThat(ssn.count()).isEqualTo(1200);
  }
}
