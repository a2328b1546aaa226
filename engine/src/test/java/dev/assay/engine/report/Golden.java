package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under {@code src/test/resources/golden}; with {@code
 * -Dgolden.update=true} rewrites the file first (review the diff).
 */
final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = ROOT.resolve(name);
    String normalized = actual.replace("\r\n", "\n");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, normalized);
    }
    assertThat(normalized)
        .as("golden file %s (rerun with -Dgolden.update=true after an intended change)", file)
        .isEqualTo(Files.readString(file));
  }
}
