package dev.assay.engine.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats findings can be written in. */
public enum OutputFormat {
  /** A human summary, readable at 80 columns. */
  TABLE,
  /** A GetFindings response: {@code {"findings": [...]}}. */
  JSON,
  /** One finding a line. */
  JSONL,
  /** SARIF 2.1.0: a rule per identifier, a result per occurrence location. */
  SARIF,
  /** A Security Hub BatchImportFindings request body: {@code {"Findings": [...]}} in ASFF. */
  ASFF,
  /** One EventBridge event a line, as Macie publishes findings ({@code detail} = the finding). */
  EVENTBRIDGE;

  /**
   * The writer for this format. Lives here rather than on {@link FindingWriter} so that a table
   * does not initialise the JSON mapper: start-up time counts for a scan of a few files.
   */
  public FindingWriter writer() {
    return switch (this) {
      case JSON ->
          (report, out) -> {
            FindingWriter.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(
                    new FindingWriter.NonClosing(out),
                    new FindingWriter.GetFindingsResponse(report.findings()));
            out.write(System.lineSeparator());
          };
      case JSONL ->
          (report, out) -> {
            for (Finding f : report.findings()) {
              out.write(FindingWriter.JSON.writeValueAsString(f));
              out.write('\n');
            }
          };
      case TABLE -> new TableWriter();
      case SARIF -> new SarifWriter();
      case ASFF -> new AsffWriter();
      case EVENTBRIDGE -> new EventBridgeWriter();
    };
  }

  /** The format named {@code name} (any case), or null. */
  public static OutputFormat parse(String name) {
    for (OutputFormat f : values()) {
      if (f.name().equals(name.toUpperCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /**
   * The formats' names as the command line takes them, comma-separated: {@code table, json, ...}.
   */
  public static String names() {
    return Arrays.stream(values())
        .map(f -> f.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
