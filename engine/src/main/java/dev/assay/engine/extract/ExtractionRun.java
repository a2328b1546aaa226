package dev.assay.engine.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The state of extracting one object: its limits, what its archives have used of them, whether the
 * scan has given up on it, and what could not be processed. Used by the one thread extracting the
 * object; {@code cancelled} is read from it but set elsewhere (the scanner's time limit).
 */
final class ExtractionRun {
  final ExtractionLimits limits;
  private final BooleanSupplier cancelled;
  private long files;
  private long extractedBytes;
  private long unprocessed;
  private String firstUnprocessed;
  private String problem;
  private final List<ArchiveMember> members = new ArrayList<>();
  private String folder = "";

  ExtractionRun(ExtractionLimits limits, BooleanSupplier cancelled) {
    this.limits = limits;
    this.cancelled = cancelled;
  }

  /**
   * Ends the extraction when the scan has given up on the object (its time limit passed): checked
   * on every read and every segment, so that a slow parser stops soon after the scanner reported
   * the object as TIME_CUT_OFF_REACHED.
   */
  void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("time limit reached");
    }
  }

  /**
   * Counts one extracted file against the archive file limit (Macie's size and processing quotas:
   * 1,000,000).
   */
  void countFile() throws LimitExceeded {
    if (++files > limits.archiveFiles()) {
      throw new LimitExceeded(
          "ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT",
          "more than " + limits.archiveFiles() + " files in the archive");
    }
  }

  long files() {
    return files;
  }

  /**
   * A member that could not be analysed (unsupported, encrypted, malformed): the archive is
   * PARTIAL.
   */
  void unprocessed(String path, String why) {
    if (unprocessed++ == 0) {
      firstUnprocessed = "'" + path + "': " + why;
    }
  }

  long unprocessedCount() {
    return unprocessed;
  }

  String unprocessedSummary() {
    return unprocessed == 0
        ? null
        : unprocessed + " file(s) not analysed, first " + firstUnprocessed;
  }

  /** The path a member at {@code path} of the archive being read has from the outermost one. */
  String memberPath(String path) {
    return folder + path;
  }

  /**
   * Enters a nested archive whose members' paths begin with {@code prefix} (its own path and a
   * slash, or nothing for a GZIP layer); returns what {@link #leaveArchive} restores.
   */
  String enterArchive(String prefix) {
    String saved = folder;
    folder = folder + prefix;
    return saved;
  }

  void leaveArchive(String saved) {
    folder = saved;
  }

  /**
   * Records what became of one extracted file, up to {@link ArchiveMember#MAX_RECORDS_PER_ARCHIVE}.
   */
  void member(ArchiveMember member) {
    if (members.size() < ArchiveMember.MAX_RECORDS_PER_ARCHIVE) {
      members.add(member);
    }
  }

  List<ArchiveMember> members() {
    return List.copyOf(members);
  }

  /** Notes a part of the object read another way than its format (e.g. malformed JSON Lines). */
  void problem(String message) {
    if (problem == null) {
      problem = message;
    }
  }

  String problem() {
    return problem;
  }

  /**
   * The bytes of one extracted file, counted against the per-file and per-archive limits as they
   * are actually read: headers that state sizes are never trusted (a zip bomb states small ones).
   * Does not close the archive stream under it.
   */
  MemberBytes extracted(InputStream entry, String path) {
    return new MemberBytes(entry, path);
  }

  /** One extracted file's bytes, counted as they are read (see {@link #extracted}). */
  final class MemberBytes extends FilterInputStream {
    private final String path;
    private long read;

    private MemberBytes(InputStream entry, String path) {
      super(entry);
      this.path = path;
    }

    /** Uncompressed bytes read so far. */
    long count() {
      return read;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      checkCancelled();
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        extractedBytes += n;
        if (read > limits.extractedFileBytes()) {
          // Skipping the rest of such a file would mean inflating it all: stop the archive (Macie's
          // size and processing quotas:
          // limits hit mid-way stop the extraction, what was processed is reported).
          throw new LimitExceeded(
              "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT",
              "'"
                  + path
                  + "' is larger than "
                  + limits.extractedFileBytes()
                  + " bytes uncompressed");
        }
        if (extractedBytes > limits.archiveTotalBytes()) {
          throw new LimitExceeded(
              "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT",
              "more than " + limits.archiveTotalBytes() + " bytes extracted from the archive");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[(int) Math.min(n, 8192)];
      int got = read(sink, 0, sink.length);
      return Math.max(got, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // The archive stream is closed by its reader.
    }
  }
}
