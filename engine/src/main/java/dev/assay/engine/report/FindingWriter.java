package dev.assay.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a scan's findings in one output format. Writers do not close the {@link Writer} they are
 * given. Implementations are stateless and thread-safe.
 */
public interface FindingWriter {

  void write(ScanReport report, Writer out) throws IOException;

  /** The JSON mapper writers share: Macie member names, nulls left out unless a shape keeps them. */
  ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The writer for {@code format}. */
  static FindingWriter of(OutputFormat format) {
    return switch (format) {
      case JSON -> (report, out) -> {
        JSON.writerWithDefaultPrettyPrinter().writeValue(new NonClosing(out), new GetFindingsResponse(report.findings()));
        out.write(System.lineSeparator());
      };
      case JSONL -> (report, out) -> {
        for (Finding f : report.findings()) {
          out.write(JSON.writeValueAsString(f));
          out.write('\n');
        }
      };
      case TABLE -> new TableWriter();
      case SARIF -> new SarifWriter();
      case ASFF -> new AsffWriter();
      case EVENTBRIDGE -> new EventBridgeWriter();
    };
  }

  /** The body of Macie's GetFindings response. */
  record GetFindingsResponse(java.util.List<Finding> findings) {}

  /** Keeps Jackson from closing the caller's writer. */
  final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
