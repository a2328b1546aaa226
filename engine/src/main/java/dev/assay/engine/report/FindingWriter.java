package dev.assay.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a scan's findings in one output format. Writers do not close the {@link Writer} they are
 * given. Implementations are stateless and thread-safe.
 */
public interface FindingWriter {

  void write(ScanReport report, Writer out) throws IOException;

  /**
   * The JSON mapper writers share: Macie member names, nulls left out unless a shape keeps them.
   */
  ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The writer for {@code format}; see {@link OutputFormat#writer()}. */
  static FindingWriter of(OutputFormat format) {
    return format.writer();
  }

  /** The body of Macie's GetFindings response. */
  record GetFindingsResponse(List<Finding> findings) {}

  /** Keeps Jackson from closing the caller's writer. */
  final class NonClosing extends FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
