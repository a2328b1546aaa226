package dev.assay.engine.extract;

import dev.assay.engine.source.ScanObject;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Turns an object's bytes into located text segments, choosing the extraction per format so that
 * Macie's proximity rules and location kinds hold: CSV and TSV by cell with column names, JSON and
 * JSON Lines by value with JSON paths, other text as it is (so that a keyword in an XML element
 * name or a YAML key precedes its value), and everything else through Tika.
 *
 * <p>Thread-safe and stateless apart from its window sizes; share one instance.
 */
public final class Extraction {
  private final int windowChars;
  private final int headOverlap;
  private final int tailOverlap;

  /**
   * @param windowChars chars each text window reports
   * @param headOverlap context kept before each window: at least the detector's keyword reach
   * @param tailOverlap context kept after it: at least the longest match plus the keyword reach
   */
  public Extraction(int windowChars, int headOverlap, int tailOverlap) {
    this.windowChars = windowChars;
    this.headOverlap = headOverlap;
    this.tailOverlap = tailOverlap;
  }

  /**
   * What an extraction found out about the object.
   *
   * @param mimeType the MIME type reported in findings
   * @param sizeClassified bytes read and analysed
   * @param problem a note when part of the object could not be analysed as its format (for example a
   *     malformed JSON document scanned as plain text), or null
   */
  public record Outcome(String mimeType, long sizeClassified, String problem) {}

  /**
   * Extracts {@code object}, passing segments to {@code sink}. If a structured format turns out to
   * be malformed, {@code discard} is called and the object is extracted again as plain text.
   *
   * @throws ExtractionException when the object cannot be analysed (its status and reason)
   */
  public Outcome extract(ScanObject object, SegmentSink sink, Runnable discard) throws IOException, ExtractionException {
    try (CountingStream in = new CountingStream(new BufferedInputStream(object.content().open(), 65536))) {
      in.mark(8192);
      byte[] head = new byte[8192];
      int n = in.readNBytes(head, 0, head.length);
      in.reset();
      FormatDetector.Detected detected = FormatDetector.detect(object.extension(), head, n);
      switch (detected.format()) {
        case MEDIA -> throw ExtractionException.skipped(
            "UNSUPPORTED_FILE_TYPE_EXCEPTION", "Macie does not analyse " + detected.mimeType() + " objects");
        case TEXT -> {
          text(in, sink);
          return new Outcome(detected.mimeType(), in.count(), null);
        }
        case CSV, TSV -> {
          try (Reader reader = TextDecoding.reader(in)) {
            new CsvExtractor(detected.format() == Format.CSV ? ',' : '\t').extract(reader, sink);
          }
          return new Outcome(detected.mimeType(), in.count(), null);
        }
        case JSON -> {
          try (Reader reader = TextDecoding.reader(in)) {
            new JsonExtractor().extractDocument(reader, sink);
            return new Outcome(detected.mimeType(), in.count(), null);
          } catch (JsonExtractor.MalformedJson e) {
            discard.run();
            try (CountingStream again = new CountingStream(object.content().open())) {
              text(again, sink);
              return new Outcome(
                  "text/plain", again.count(), "UNABLE_TO_PARSE_FILE: not valid JSON (" + e.getMessage() + "); scanned as plain text");
            }
          }
        }
        case JSON_LINES -> {
          long[] malformed = new long[1];
          try (Reader reader = TextDecoding.reader(in)) {
            new JsonExtractor().extractLines(reader, sink, malformed);
          }
          String problem = malformed[0] == 0 ? null : "UNABLE_TO_PARSE_FILE: " + malformed[0] + " line(s) are not JSON; scanned as plain text";
          return new Outcome(detected.mimeType(), in.count(), problem);
        }
        case DOCUMENT -> {
          TextWindower windower = windower(sink);
          String type = TikaExtractor.extract(in, object.fileName(), windower);
          windower.close();
          return new Outcome(type, in.count(), null);
        }
        default -> throw new IllegalStateException(detected.format().toString());
      }
    }
  }

  private TextWindower windower(SegmentSink sink) {
    return new TextWindower(windowChars, headOverlap, tailOverlap, 0, sink);
  }

  private void text(InputStream in, SegmentSink sink) throws IOException {
    try (Reader reader = TextDecoding.reader(in); TextWindower windower = windower(sink)) {
      windower.pump(reader);
    }
  }

  /** Counts the bytes read through it: the object's {@code sizeClassified}. */
  private static final class CountingStream extends FilterInputStream {
    private long count;
    private long mark;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    @Override
    public synchronized void mark(int limit) {
      super.mark(limit);
      mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = mark;
    }
  }
}
