package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.source.LocalSource;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan of text, CSV and JSON files must not load Tika (its start-up costs about a second): run in
 * a JVM of its own with class loading logged, since this test JVM has loaded Tika already.
 */
class TikaLazinessTest {

  /** Scans the directory given as the first argument and prints how many results it had. */
  public static final class ScanMain {
    public static void main(String[] args) throws IOException {
      Scanner scanner =
          Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of())).threads(1).build();
      List<ObjectResult> results = new ArrayList<>();
      scanner.scan(List.of(LocalSource.of(Path.of(args[0]), null)), results::add);
      System.out.println(
          "RESULTS "
              + results.size()
              + " "
              + results.stream().mapToLong(r -> r.detections().size()).sum());
    }
  }

  @Test
  void textScan_doesNotLoadTika(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("scanned"));
    Files.writeString(dir.resolve("a.txt"), "Employee SSN: " + FormatFiles.SSN + "\n");
    Files.writeString(dir.resolve("b.csv"), "name,ssn\nAna," + FormatFiles.SSN + "\n");
    Files.writeString(dir.resolve("c.json"), "{\"ssn\": \"" + FormatFiles.SSN + "\"}");
    Files.writeString(dir.resolve("d.xml"), "<ssn>" + FormatFiles.SSN + "</ssn>\n");
    Path log = tmp.resolve("classes.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx128m",
                "-verbose:class",
                "-cp",
                System.getProperty("java.class.path"),
                ScanMain.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(out).contains("RESULTS 4 4");
    assertThat(out).contains("dev.assay.engine.extract.Extraction ");
    assertThat(out).doesNotContain("org.apache.tika.");
  }
}
