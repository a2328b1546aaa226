package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.engine.ScanFixture;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ../shared/tools/check-macie-json.py, which checks JSON against the Macie2 API model that
 * ships with botocore, on real findings. Skipped where the checker, python3 or botocore is absent
 * (a user's clone has no ../shared).
 */
class MacieModelConformanceTest {
  private static final Path CHECKER = Path.of("../../shared/tools/check-macie-json.py");

  @TempDir Path dir;

  @Test
  void findings_conformToTheMacie2Model() throws Exception {
    assumeTrue(Files.isRegularFile(CHECKER), "no checker at " + CHECKER);
    assumeTrue(run("python3", "-c", "import botocore") == 0, "python3 with botocore is not installed");
    ScanFixture.Outcome outcome = ScanFixture.scan(ScanFixture.SAMPLES, ManagedCatalog.all(), 2, 1 << 20);
    assertThat(outcome.findings()).isNotEmpty();
    Path json = dir.resolve("findings.json");
    try (Writer out = Files.newBufferedWriter(json)) {
      FindingWriter.of(OutputFormat.JSON).write(new ScanReport(outcome.findings(), 0, 0, 0, Duration.ZERO), out);
    }
    Path jsonl = dir.resolve("findings.jsonl");
    try (Writer out = Files.newBufferedWriter(jsonl)) {
      FindingWriter.of(OutputFormat.JSONL).write(new ScanReport(outcome.findings(), 0, 0, 0, Duration.ZERO), out);
    }
    assertThat(run("python3", CHECKER.toString(), json.toString())).isZero();
    assertThat(run("python3", CHECKER.toString(), jsonl.toString())).isZero();
  }

  private int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0) {
      System.err.println(Files.readString(dir.resolve("out.txt")));
    }
    return p.exitValue();
  }
}
