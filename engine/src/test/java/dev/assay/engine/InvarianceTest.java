package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same findings, with the same locations, for any thread count and any window size. */
class InvarianceTest {
  @TempDir static Path generated;

  /** Long texts with values planted at random places, so that they fall on window boundaries. */
  static Path corpus() throws IOException {
    Path dir = generated.resolve("gen");
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    Random random = new Random(20241128L);
    String[] plants = {
      "SSN: 512-23-4411",
      "visa 4556 7375 8689 9855",
      "ssn 431-58-2207",
      "order 4556737586899855",
      "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w",
      "badge" + " ".repeat(280) + "EMP-004211",
      "EMP-004212 badge",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx3Qz0xExampleOnlyNotARealKeyButShapedLikeOne0123\n-----END RSA PRIVATE KEY-----"
    };
    for (int f = 0; f < 6; f++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 20_000) {
        int r = random.nextInt(20);
        if (r == 0) {
          sb.append(plants[random.nextInt(plants.length)]);
        } else if (r < 4) {
          sb.append('\n');
        } else {
          sb.append("lorem ipsum ").append(random.nextInt(100_000)).append(' ');
        }
      }
      Files.writeString(dir.resolve("file-" + f + ".txt"), sb);
    }
    return dir;
  }

  /**
   * A custom identifier with the longest distance Macie allows, so keywords reach across windows.
   */
  private static final CustomDataIdentifier BADGE =
      CustomDataIdentifier.define(
          null, "badge", null, "EMP-[0-9]{6}", List.of("badge"), null, 300, null);

  private static JsonNode scan(Path root, int threads, int window) throws IOException {
    List<DataIdentifier> ids = new ArrayList<>(ManagedCatalog.all());
    ids.add(BADGE);
    return ScanFixture.normalized(ScanFixture.scan(root, ids, threads, window).findings());
  }

  @Test
  void customKeyword_300CharsBefore_isFoundAcrossWindows() throws IOException {
    JsonNode findings = scan(corpus(), 1, 50);
    assertThat(findings.toString()).contains("\"name\":\"badge\"");
  }

  @ParameterizedTest(name = "window {0} chars")
  @ValueSource(ints = {50, 333, 4096})
  void windowSize_doesNotChangeFindings(int window) throws IOException {
    Path root = corpus();
    assertThat(scan(root, 1, window)).isEqualTo(scan(root, 1, 1 << 20));
    assertThat(scan(ScanFixture.SAMPLES, 1, window))
        .isEqualTo(scan(ScanFixture.SAMPLES, 1, 1 << 20));
  }

  @Test
  void threadCount_doesNotChangeFindings() throws IOException {
    Path root = corpus();
    JsonNode one = scan(root, 1, 1 << 20);
    assertThat(one.get("findings").size()).isEqualTo(6);
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(scan(root, threads, 1 << 20)).isEqualTo(one);
      assertThat(scan(ScanFixture.SAMPLES, threads, 1 << 20))
          .isEqualTo(scan(ScanFixture.SAMPLES, 1, 1 << 20));
    }
  }
}
