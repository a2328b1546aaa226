package dev.assay.engine.extract;

import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.FieldContext;
import dev.assay.identifiers.detect.Detector;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Turns an object's bytes into located text segments, choosing the extraction per format so that
 * Macie's proximity rules and location kinds hold (the formats Macie analyses; Macie's location
 * structure per file type):
 *
 * <ul>
 *   <li>text (plain, XML, HTML, YAML, ...) as it is, so that a keyword in an element name or a key
 *       precedes its value: line ranges;
 *   <li>CSV and TSV by cell with column names, Excel by cell of every sheet (POI): cells;
 *   <li>JSON and JSON Lines by value, Avro and Parquet record by record: records with JSON paths;
 *   <li>PDF page by page (PDFBox): pages; Word through Tika and email through mime4j: line ranges;
 *   <li>ZIP, TAR and GZIP expanded here, each file by its own format, nested up to the depth limit.
 * </ul>
 *
 * <p>Limits ({@link ExtractionLimits}) are enforced while reading, on bytes actually read. Nothing
 * is ever written to disk by this class: archive entries are streamed, and formats that need random
 * access are read into memory up to {@link ExtractionLimits#inMemoryBytes()}.
 *
 * <p>Thread-safe and stateless apart from its configuration; share one instance. Tika is loaded
 * only when a Word or other Tika-parsed document is met.
 */
public final class Extraction {
  private final int windowChars;
  private final int headOverlap;
  private final int tailOverlap;
  private final ExtractionLimits limits;

  /**
   * The longest match a window boundary is guaranteed not to cut (in chars). Longer matches are
   * still found when they do not cross a boundary.
   */
  public static final int MAX_MATCH_CHARS = 8192;

  /**
   * The extraction {@code detector} needs: windows of {@code windowChars}, each with the context a
   * keyword can be in before it (the detector's keyword reach, and a margin for the word boundary
   * and a JSON path's punctuation) and after it (the longest match, then the keyword reach), so
   * that splitting a text into windows finds each occurrence exactly once, as the whole text does.
   */
  public static Extraction forDetector(
      Detector detector, int windowChars, ExtractionLimits limits) {
    int reach = detector.keywordReach();
    return new Extraction(windowChars, reach + 64, MAX_MATCH_CHARS + reach, limits);
  }

  /**
   * @param windowChars chars each text window reports
   * @param headOverlap context kept before each window: at least the detector's keyword reach
   * @param tailOverlap context kept after it: at least the longest match plus the keyword reach
   */
  public Extraction(int windowChars, int headOverlap, int tailOverlap) {
    this(windowChars, headOverlap, tailOverlap, ExtractionLimits.DEFAULT);
  }

  /** As {@link #Extraction(int, int, int)}, with the given limits. */
  public Extraction(int windowChars, int headOverlap, int tailOverlap, ExtractionLimits limits) {
    this.windowChars = windowChars;
    this.headOverlap = headOverlap;
    this.tailOverlap = tailOverlap;
    this.limits = limits;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * What an extraction found out about the object.
   *
   * @param mimeType the MIME type reported in findings
   * @param sizeClassified bytes of the object read and analysed
   * @param problem a note when part of the object could not be analysed as its format (for example
   *     a malformed JSON document scanned as plain text, or an archive's unprocessed files), or
   *     null
   * @param partialReason Macie's reason when only part of the object was analysed (status PARTIAL,
   *     e.g. ARCHIVE_CONTAINS_UNPROCESSED_FILES), or null when it was analysed completely
   * @param members for an archive, what became of each file extracted from it, in the order read
   *     (at most {@value ArchiveMember#MAX_RECORDS_PER_ARCHIVE}); empty for any other object
   */
  public record Outcome(
      String mimeType,
      long sizeClassified,
      String problem,
      String partialReason,
      List<ArchiveMember> members) {
    public Outcome {
      members = List.copyOf(members);
    }

    public Outcome(String mimeType, long sizeClassified, String problem) {
      this(mimeType, sizeClassified, problem, null, List.of());
    }
  }

  /** As {@link #extract(ScanObject, SegmentSink, Runnable, BooleanSupplier)}, never cancelled. */
  public Outcome extract(ScanObject object, SegmentSink sink, Runnable discard)
      throws IOException, ExtractionException {
    return extract(object, sink, discard, () -> false);
  }

  /**
   * Extracts {@code object}, passing segments to {@code sink}. If a structured format turns out to
   * be malformed, {@code discard} is called and the object is extracted again as plain text; if the
   * object is over its size quota once read, {@code discard} is called and it is SKIPPED.
   *
   * @param cancelled polled on every read and segment; once true the extraction ends with a {@link
   *     CancellationException} (the caller has already reported the object)
   * @throws ExtractionException when the object cannot be analysed (its status and reason)
   */
  public Outcome extract(
      ScanObject object, SegmentSink sink, Runnable discard, BooleanSupplier cancelled)
      throws IOException, ExtractionException {
    ExtractionRun run = new ExtractionRun(limits, cancelled);
    SegmentSink checked = new CheckedSink(run, sink);
    try (CountingStream in = new CountingStream(new ReusedBuffer(object.content().open()), run)) {
      FormatDetector.Detected detected = detect(in, object.extension());
      Format format = detected.format();
      long quota = limits.quota(format);
      if (format != Format.MEDIA && object.size() > quota) {
        // Over quota: not analysed at all (Macie's size and processing quotas).
        throw ExtractionException.skipped(
            sizeReason(format),
            object.size() + " bytes is over the " + quota + "-byte quota for " + format);
      }
      in.limit(quota, sizeReason(format));
      try {
        String type = extractAs(detected, in, object.fileName(), checked, 1, run);
        return outcome(type, in.count(), run, null);
      } catch (JsonExtractor.MalformedJson e) {
        discard.run();
        try (CountingStream again = new CountingStream(object.content().open(), run)) {
          text(again, checked);
          return new Outcome(
              "text/plain",
              again.count(),
              "UNABLE_TO_PARSE_FILE: not valid JSON ("
                  + e.getMessage()
                  + "); scanned as plain text");
        }
      } catch (IOException | ExtractionException | RuntimeException e) {
        LimitExceeded limit = LimitExceeded.in(e);
        if (limit == null || e instanceof CancellationException) {
          throw e;
        }
        if (limit.skipsObject()) {
          discard.run();
          throw ExtractionException.skipped(limit.reason(), limit.getMessage());
        }
        // An archive limit reached mid-way: stop, and report what was processed (Macie's size and
        // processing quotas).
        return outcome(detected.mimeType(), in.count(), run, limit);
      }
    }
  }

  private static Outcome outcome(String type, long size, ExtractionRun run, LimitExceeded limit) {
    String unprocessed = run.unprocessedSummary();
    if (limit != null) {
      String problem = limit.getMessage() + (unprocessed == null ? "" : "; " + unprocessed);
      return new Outcome(type, size, problem, limit.reason(), run.members());
    }
    if (unprocessed != null) {
      return new Outcome(
          type, size, unprocessed, "ARCHIVE_CONTAINS_UNPROCESSED_FILES", run.members());
    }
    return new Outcome(type, size, run.problem(), null, run.members());
  }

  private static String sizeReason(Format format) {
    return isArchive(format) ? "ARCHIVE_EXCEEDS_SIZE_LIMIT" : "FILE_EXCEEDS_SIZE_LIMIT";
  }

  static boolean isArchive(Format format) {
    return format == Format.ZIP || format == Format.TAR || format == Format.GZIP;
  }

  /** Detects the format from the name and the first 8 KiB, leaving {@code in} where it was. */
  static FormatDetector.Detected detect(InputStream in, String extension) throws IOException {
    in.mark(8192);
    byte[] head = new byte[8192];
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    return FormatDetector.detect(extension, head, n);
  }

  /**
   * Extracts one file (the object, or a file inside an archive at archive level {@code depth}) as
   * the detected format, returning its MIME type.
   */
  String extractAs(
      FormatDetector.Detected detected,
      InputStream in,
      String name,
      SegmentSink sink,
      int depth,
      ExtractionRun run)
      throws IOException, ExtractionException, JsonExtractor.MalformedJson {
    switch (detected.format()) {
      case MEDIA:
        throw ExtractionException.skipped(
            "UNSUPPORTED_FILE_TYPE_EXCEPTION",
            "Macie does not analyse " + detected.mimeType() + " objects");
      case TEXT:
        text(in, sink);
        return detected.mimeType();
      case CSV:
      case TSV:
        try (Reader reader = TextDecoding.reader(nonClosing(in))) {
          new CsvExtractor(detected.format() == Format.CSV ? ',' : '\t').extract(reader, sink);
        }
        return detected.mimeType();
      case JSON:
        try (Reader reader = TextDecoding.reader(nonClosing(in))) {
          new JsonExtractor().extractDocument(reader, sink);
        }
        return detected.mimeType();
      case JSON_LINES:
        long[] malformed = new long[1];
        try (Reader reader = TextDecoding.reader(nonClosing(in))) {
          new JsonExtractor().extractLines(reader, sink, malformed);
        }
        if (malformed[0] > 0) {
          run.problem(
              "UNABLE_TO_PARSE_FILE: "
                  + malformed[0]
                  + " line(s) are not JSON; scanned as plain text");
        }
        return detected.mimeType();
      case PDF:
        new PdfExtractor(this::windower).extract(readAll(in, name, run), sink);
        return detected.mimeType();
      case EXCEL:
        ExcelExtractor.extract(readAll(in, name, run), sink);
        return detected.mimeType();
      case EMAIL:
        try (TextWindower windower = windower(0, sink)) {
          EmailExtractor.extract(in, windower);
        }
        return detected.mimeType();
      case AVRO:
        AvroExtractor.extract(in, sink);
        return detected.mimeType();
      case PARQUET:
        ParquetExtractor.extract(readAll(in, name, run), sink);
        return detected.mimeType();
      case ZIP:
      case TAR:
      case GZIP:
        new ArchiveExtractor(this, run).extract(detected.format(), in, name, sink, depth);
        return detected.mimeType();
      case WORD:
      case DOCUMENT:
        {
          TextWindower windower = windower(0, sink);
          String type = TikaExtractor.extract(nonClosing(in), name, windower);
          windower.close();
          return detected.mimeType() != null ? detected.mimeType() : type;
        }
      default:
        throw new IllegalStateException(detected.format().toString());
    }
  }

  /**
   * Reads a file that its parser needs whole (random access) into memory, up to the in-memory
   * limit: we never spool an object or an archive entry to disk.
   */
  private static byte[] readAll(InputStream in, String name, ExtractionRun run)
      throws IOException, ExtractionException {
    long max = run.limits.inMemoryBytes();
    byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > max) {
      throw ExtractionException.skipped(
          "FILE_EXCEEDS_SIZE_LIMIT",
          "'" + name + "' needs random access and is over the " + max + "-byte in-memory limit");
    }
    return bytes;
  }

  /**
   * What a parser's failure on a file means: a limit reached or a cancellation goes on up as it is;
   * anything else makes the file SKIPPED with MALFORMED_FILE.
   */
  static ExtractionException unparsable(String format, Exception e) throws LimitExceeded {
    LimitExceeded limit = LimitExceeded.in(e);
    if (limit != null) {
      throw limit;
    }
    if (e instanceof CancellationException c) {
      throw c;
    }
    return ExtractionException.skipped(
        "MALFORMED_FILE", "cannot parse as " + format + ": " + e.getMessage(), e);
  }

  TextWindower windower(long page, SegmentSink sink) {
    return new TextWindower(windowChars, headOverlap, tailOverlap, page, sink);
  }

  private void text(InputStream in, SegmentSink sink) throws IOException {
    try (Reader reader = TextDecoding.reader(nonClosing(in));
        TextWindower windower = windower(0, sink)) {
      windower.pump(reader);
    }
  }

  /** A view of {@code in} whose close() leaves {@code in} open: its owner closes it. */
  static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /**
   * Counts the bytes read through it (the object's {@code sizeClassified}), polls cancellation, and
   * ends the read once the size quota is passed (for objects whose size was not known up front).
   */
  /**
   * A 64 KiB buffered stream whose buffer is kept, when it is closed, for the next object that the
   * same thread opens: analysis threads take objects one at a time, and a new buffer for each of
   * them was a quarter of what a many-file scan allocates.
   */
  private static final class ReusedBuffer extends BufferedInputStream {
    private static final int SIZE = 65536;
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    ReusedBuffer(InputStream in) {
      super(in, 1);
      byte[] spare = SPARE.get();
      SPARE.set(null);
      buf = spare != null ? spare : new byte[SIZE];
    }

    @Override
    public void close() throws IOException {
      byte[] own = buf; // null once closed; a buffer grown for a long mark is not kept
      super.close();
      if (own != null && own.length == SIZE) {
        SPARE.set(own);
      }
    }
  }

  private static final class CountingStream extends FilterInputStream {
    private final ExtractionRun run;
    private long count;
    private long mostRead;
    private long mark;
    private long limit = Long.MAX_VALUE;
    private String limitReason;

    CountingStream(InputStream in, ExtractionRun run) {
      super(in);
      this.run = run;
    }

    /**
     * Bytes of the object read: the most ever read, since a parser that marks the stream, reads it
     * all and resets it (Tika spooling an OLE2 file, for one) has still read them.
     */
    long count() {
      return Math.max(count, mostRead);
    }

    void limit(long bytes, String reason) {
      this.limit = bytes;
      this.limitReason = reason;
    }

    private void counted(long n) throws LimitExceeded {
      count += n;
      mostRead = Math.max(mostRead, count);
      if (count > limit) {
        throw new LimitExceeded(limitReason, "more than the " + limit + "-byte quota for its type");
      }
    }

    @Override
    public int read() throws IOException {
      run.checkCancelled();
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      run.checkCancelled();
      int n = super.read(b, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      run.checkCancelled();
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
      super.mark(readLimit);
      mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = mark;
    }
  }

  /** Passes everything on to {@code sink}, after checking that the run goes on. */
  private static final class CheckedSink implements SegmentSink {
    private final ExtractionRun run;
    private final SegmentSink sink;

    CheckedSink(ExtractionRun run, SegmentSink sink) {
      this.run = run;
      this.sink = sink;
    }

    @Override
    public void accept(Segment segment) {
      run.checkCancelled();
      sink.accept(segment);
    }

    @Override
    public void acceptRecordValue(
        String value, long recordIndex, Supplier<String> jsonPath, FieldContext field) {
      run.checkCancelled();
      sink.acceptRecordValue(value, recordIndex, jsonPath, field);
    }

    @Override
    public void acceptRepeatedValue(
        String value,
        long recordIndex,
        Supplier<String> jsonPath,
        FieldContext field,
        KnownEmptyValues known,
        int id) {
      run.checkCancelled();
      sink.acceptRepeatedValue(value, recordIndex, jsonPath, field, known, id);
    }

    @Override
    public void acceptName(String name, long recordIndex, FieldContext field) {
      run.checkCancelled();
      sink.acceptName(name, recordIndex, field);
    }

    @Override
    public void acceptCell(
        char[] chars,
        int from,
        int length,
        long row,
        long column,
        String columnName,
        FieldContext field) {
      run.checkCancelled();
      sink.acceptCell(chars, from, length, row, column, columnName, field);
    }
  }
}
