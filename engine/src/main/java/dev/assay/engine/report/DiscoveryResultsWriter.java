package dev.assay.engine.report;

import dev.assay.engine.MemberResult;
import dev.assay.engine.ObjectResult;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Writes sensitive data discovery results as Macie writes them to its results bucket (Macie User
 * Guide, "Storing and retaining sensitive data discovery results"): one JSON Lines record per
 * object in scope (with findings, clean, skipped or failed alike), gzip-compressed, in files laid
 * out as {@code DIR/AWSLogs/<account>/Macie/<region>/<jobId>/<account>/<uuid>.jsonl.gz}, so that
 * tools written for Macie's results bucket (such as its Athena table) read a copy of DIR uploaded
 * to a bucket, or DIR itself.
 *
 * <p>Streaming: each record is written as its result arrives and nothing is kept but the open file,
 * so memory stays bounded whatever the number of objects. A file is closed and a new one (with a
 * new uuid) begun after {@link #MAX_RECORDS_PER_FILE} records or {@link #MAX_BYTES_PER_FILE}
 * uncompressed bytes, whichever comes first; a record is never split.
 *
 * <p>Each call to {@link #write} writes the records of one object: its own and, for an archive, one
 * per file extracted from it, with {@code resourcesAffected.s3Object.embeddedFileDetails} naming
 * the file (as Macie writes them; the archive's own record has none). Records of one object are
 * never split across files, so a finding points at the file that holds all its object's records.
 *
 * <p>Thread-safe: calls are serialized. Not usable after {@link #close}, which finishes the open
 * file; a scan that stops early must still close it, or its last file is not a valid gzip stream.
 */
public final class DiscoveryResultsWriter implements Closeable {
  /** Records per file before a new file is begun. */
  public static final int MAX_RECORDS_PER_FILE = 10_000;

  /** Uncompressed bytes per file before a new file is begun (64 MiB). */
  public static final long MAX_BYTES_PER_FILE = 64L * 1024 * 1024;

  private final Path folder;
  private final FindingFactory factory;
  private final int maxRecords;
  private final long maxBytes;
  private final Supplier<UUID> fileNames;
  private Path file;
  private Counting out;
  private int records;
  private long filesWritten;

  /**
   * Results for the job of {@code factory}'s context, below {@code dir}.
   *
   * @param dir the results root (the equivalent of Macie's results bucket and key prefix); created
   *     when missing
   */
  public DiscoveryResultsWriter(Path dir, FindingFactory factory) throws IOException {
    this(dir, factory, MAX_RECORDS_PER_FILE, MAX_BYTES_PER_FILE, UUID::randomUUID);
  }

  /**
   * Like {@link #DiscoveryResultsWriter(Path, FindingFactory)}, with the files' uuids from {@code
   * fileNames}: a writer that must name its files the same way each time it runs (a retried
   * distributed task overwrites what its failed attempt wrote) derives them.
   */
  public DiscoveryResultsWriter(Path dir, FindingFactory factory, Supplier<UUID> fileNames)
      throws IOException {
    this(dir, factory, MAX_RECORDS_PER_FILE, MAX_BYTES_PER_FILE, fileNames);
  }

  DiscoveryResultsWriter(
      Path dir, FindingFactory factory, int maxRecords, long maxBytes, Supplier<UUID> fileNames)
      throws IOException {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.folder = dir.resolve(factory.context().resultsPrefix());
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
    this.fileNames = fileNames;
    Files.createDirectories(folder);
  }

  /**
   * Writes the discovery result of {@code result} and returns its finding, if it has one, whose
   * {@code detailedResultsLocation} is the absolute path of the file holding the record.
   */
  public synchronized Optional<Finding> write(ObjectResult result) throws IOException {
    if (out == null) {
      open();
    }
    String location = file.toAbsolutePath().toString();
    Optional<Finding> finding = factory.toFinding(result, location);
    for (Finding record : recordsOf(result, finding.orElse(null), location)) {
      out.write(FindingWriter.JSON.writeValueAsBytes(record));
      out.write('\n');
      records++;
    }
    if (records >= maxRecords || out.count >= maxBytes) {
      finish();
    }
    return finding;
  }

  /** The records of one object: its own, then for an archive one per extracted file. */
  private List<Finding> recordsOf(ObjectResult result, Finding finding, String location) {
    List<Finding> records = new ArrayList<>(1 + result.members().size());
    records.add(factory.toDiscoveryResult(result, finding, location));
    for (MemberResult member : result.members()) {
      records.add(factory.toMemberDiscoveryResult(result, member, location));
    }
    return records;
  }

  /** Files written so far, the open one included. */
  public synchronized long filesWritten() {
    return filesWritten;
  }

  private void open() throws IOException {
    file = folder.resolve(fileNames.get() + ".jsonl.gz");
    out =
        new Counting(
            new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)));
    records = 0;
    filesWritten++;
  }

  private void finish() throws IOException {
    Counting closing = out;
    out = null;
    closing.close();
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      finish();
    }
  }

  /** Counts the uncompressed bytes that go through it. */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
