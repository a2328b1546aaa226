package dev.assay.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanFixture;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Macie's findings carry locations, never values: plants sensitive values in every text format
 * Assay reads (plain text, CSV, TSV, JSON, JSON Lines, XML, HTML, YAML, email), checks that each
 * file is found, and then that no planted value appears anywhere in any output format or in the
 * discovery results.
 */
class NoSensitiveValueInOutputTest {
  @TempDir Path dir;

  private static final String SSN = "512-23-4411";
  private static final String SSN_2 = "431-58-2207";
  private static final String CARD = "4539148803436467";
  private static final String CARD_SPACED = "4716 1089 9971 6531";
  private static final String AWS_SECRET = "Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w";
  private static final String EMPLOYEE = "EMP-482913";

  /** The values, and the forms a writer might turn them into (digits only). */
  private static final List<String> PLANTED =
      List.of(
          SSN,
          SSN_2,
          CARD,
          CARD_SPACED,
          AWS_SECRET,
          EMPLOYEE,
          "512234411",
          "431582207",
          "4716108999716531",
          "482913");

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "notes.txt",
        "Onboarding notes\nNew hire SSN: "
            + SSN
            + ", employee badge "
            + EMPLOYEE
            + "\ncredit card "
            + CARD
            + "\n");
    files.put(
        "staff.csv",
        "name,ssn,credit card number\nBo Li,"
            + SSN
            + ","
            + CARD
            + "\nAl Ng,"
            + SSN_2
            + ","
            + CARD_SPACED
            + "\n");
    files.put("staff.tsv", "name\tssn\tcredit card number\nBo Li\t" + SSN + "\t" + CARD + "\n");
    files.put(
        "billing.json",
        "{\"customer\": {\"ssn\": \""
            + SSN
            + "\", \"credit_card\": \""
            + CARD
            + "\"}, \"employee\": \""
            + EMPLOYEE
            + "\"}\n");
    files.put(
        "events.jsonl",
        "{\"event\": \"signup\", \"ssn\": \""
            + SSN
            + "\"}\n{\"event\": \"pay\", \"credit card\": \""
            + CARD_SPACED
            + "\"}\n");
    files.put(
        "people.xml",
        "<people>\n  <person>\n    <ssn>"
            + SSN
            + "</ssn>\n    <creditCard>credit card "
            + CARD
            + "</creditCard>\n  </person>\n</people>\n");
    files.put(
        "page.html",
        "<html><body>\n<p>Your SSN "
            + SSN_2
            + " is on file.</p>\n<p>credit card: "
            + CARD
            + "</p>\n</body></html>\n");
    files.put(
        "settings.yaml",
        "aws:\n  aws_access_key_id: AKIA2E0A8F3B244C9986\n  aws_secret_access_key: "
            + AWS_SECRET
            + "\nssn: "
            + SSN
            + "\n");
    files.put(
        "mail.eml",
        "From: hr@example.com\nTo: payroll@example.com\nSubject: new hire\nContent-Type: text/plain\n\n"
            + "Please set up payroll. SSN "
            + SSN
            + ", credit card "
            + CARD
            + ".\n");
    // A value where Macie would print a name: in a column header and in a JSON element name.
    files.put("header.csv", "name,ssn " + SSN_2 + "\nBo Li," + SSN + "\n");
    files.put("keys.json", "{\"ssn\": {\"" + SSN_2 + "\": \"ssn " + SSN + "\"}}\n");
    return files;
  }

  @Test
  void noPlantedValue_inAnyOutputFormat_orInTheDiscoveryResults() throws IOException {
    Path root = dir.resolve("plant");
    Files.createDirectories(root);
    for (Map.Entry<String, String> e : files().entrySet()) {
      Files.writeString(root.resolve(e.getKey()), e.getValue());
    }
    List<DataIdentifier> ids = new ArrayList<>(ManagedCatalog.all());
    ids.add(ReportSamples.EMPLOYEE_ID);
    ScanFixture.Outcome outcome = ScanFixture.scan(root, ids, 2, 1 << 20);

    Set<String> found = new TreeSet<>();
    outcome.findings().forEach(f -> found.add(f.resourcesAffected().s3Object().key()));
    assertThat(found)
        .as("every planted file is found, or this test proves nothing")
        .isEqualTo(new TreeSet<>(files().keySet()));

    ScanReport report =
        new ScanReport(
            outcome.findings(),
            9,
            1000,
            0,
            Duration.ZERO,
            Map.of("plant", root.toUri().toString()));
    StringBuilder everything = new StringBuilder();
    for (OutputFormat format : OutputFormat.values()) {
      String out = ReportSamples.render(format, report);
      assertThat(out).as(format.name()).isNotBlank();
      everything.append(out);
    }
    Path results = dir.resolve("results");
    try (DiscoveryResultsWriter writer =
        new DiscoveryResultsWriter(results, new FindingFactory(ScanFixture.CONTEXT))) {
      for (ObjectResult r : outcome.results()) {
        writer.write(r);
      }
    }
    List<String> records = DiscoveryResultsWriterTest.records(results);
    assertThat(records).hasSize(files().size());
    everything.append(String.join("\n", records));

    String all = everything.toString();
    for (String value : PLANTED) {
      assertThat(all).as("planted value %s", value).doesNotContain(value);
    }
  }

  @Test
  void theCheck_canFail() {
    // The same check on a text that holds a value: the assertion above is not vacuous.
    String leaked = "{\"jsonPath\": \"$.customer['" + SSN + "']\"}";
    assertThat(PLANTED.stream().anyMatch(leaked::contains)).isTrue();
  }
}
