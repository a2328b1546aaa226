package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanFixture;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ../shared/tools/check-macie-json.py, which checks JSON against the Macie2 API model that
 * ships with botocore, on the {@code json} and {@code jsonl} output, the {@code detail} of each
 * {@code eventbridge} event and the discovery result records, for a real scan of the samples and
 * for results with every location kind; and checks the {@code asff} output against the Security Hub
 * model in botocore (src/test/resources/asff/check-asff.py). Skipped where the checker, python3 or
 * botocore is absent (a user's clone has no ../shared).
 */
class MacieModelConformanceTest {
  private static final Path CHECKER = Path.of("../../shared/tools/check-macie-json.py");

  @TempDir Path dir;

  @BeforeEach
  void requirePythonWithBotocore() throws Exception {
    assumeTrue(
        run("python3", "-c", "import botocore") == 0, "python3 with botocore is not installed");
  }

  private List<ScanReport> reports() throws IOException {
    ScanFixture.Outcome outcome =
        ScanFixture.scan(ScanFixture.SAMPLES, ManagedCatalog.all(), 2, 1 << 20);
    assertThat(outcome.findings()).isNotEmpty();
    List<Finding> built = ReportSamples.findings(ReportSamples.factory(), ReportSamples.results());
    return List.of(
        new ScanReport(outcome.findings(), 0, 0, 0, Duration.ZERO), ReportSamples.report(built));
  }

  @Test
  void findings_eventDetails_andDiscoveryResults_conformToTheMacie2Model() throws Exception {
    assumeTrue(Files.isRegularFile(CHECKER), "no checker at " + CHECKER);
    int n = 0;
    for (ScanReport report : reports()) {
      n++;
      assertThat(check(write(report, OutputFormat.JSON, "findings" + n + ".json"))).isZero();
      assertThat(check(write(report, OutputFormat.JSONL, "findings" + n + ".jsonl"))).isZero();
      Path events = write(report, OutputFormat.EVENTBRIDGE, "events" + n + ".jsonl");
      List<String> details = new ArrayList<>();
      for (String line : Files.readAllLines(events)) {
        JsonNode event = FindingWriter.JSON.readTree(line);
        details.add(event.get("detail").toString());
      }
      assertThat(details).hasSize(report.findings().size());
      assertThat(check(Files.write(dir.resolve("details" + n + ".jsonl"), details))).isZero();
    }
    Path results = dir.resolve("results");
    List<ObjectResult> objects =
        new ArrayList<>(
            ScanFixture.scan(ScanFixture.SAMPLES, ManagedCatalog.all(), 2, 1 << 20).results());
    objects.addAll(ReportSamples.results());
    objects.addAll(
        ArchiveMemberRecordsTest.scanBundle(Files.createDirectory(dir.resolve("archive"))));
    try (DiscoveryResultsWriter writer =
        new DiscoveryResultsWriter(results, new FindingFactory(ScanFixture.CONTEXT))) {
      for (ObjectResult r : objects) {
        writer.write(r);
      }
    }
    List<String> records = new ArrayList<>();
    int embedded = 0;
    for (String line : DiscoveryResultsWriterTest.records(results)) {
      // embeddedFileDetails is a discovery-record member the API model's S3Object lacks (Macie's
      // ResourcesAffected).
      JsonNode record = FindingWriter.JSON.readTree(line);
      if (((ObjectNode) record.at("/resourcesAffected/s3Object")).remove("embeddedFileDetails")
          != null) {
        embedded++;
      }
      records.add(record.toString());
    }
    assertThat(embedded).isEqualTo(7);
    assertThat(records).hasSize(objects.size() + embedded);
    assertThat(check(Files.write(dir.resolve("records.jsonl"), records))).isZero();
  }

  @Test
  void checker_failsOnWhatIsNotMacie() throws Exception {
    assumeTrue(Files.isRegularFile(CHECKER), "no checker at " + CHECKER);
    assertThat(
            check(
                Files.writeString(
                    dir.resolve("bad.jsonl"), "{\"severity\": {\"description\": \"Severe\"}}\n")))
        .isNotZero();
  }

  @Test
  void asff_conformsToTheSecurityHubModel() throws Exception {
    Path script = asffChecker();
    for (ScanReport report : reports()) {
      Path asff = write(report, OutputFormat.ASFF, "asff.json");
      assertThat(run("python3", script.toString(), asff.toString())).isZero();
    }
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"Findings\": [{\"Severity\": {\"Label\": \"SEVERE\"}}]}");
    assertThat(run("python3", script.toString(), bad.toString())).isNotZero();
  }

  private static Path asffChecker() throws URISyntaxException {
    return Path.of(MacieModelConformanceTest.class.getResource("/asff/check-asff.py").toURI());
  }

  private Path write(ScanReport report, OutputFormat format, String name) throws IOException {
    Path file = dir.resolve(name);
    try (Writer out = Files.newBufferedWriter(file)) {
      FindingWriter.of(format).write(report, out);
    }
    return file;
  }

  private int check(Path file) throws IOException, InterruptedException {
    return run("python3", CHECKER.toString(), file.toString());
  }

  private int run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
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
