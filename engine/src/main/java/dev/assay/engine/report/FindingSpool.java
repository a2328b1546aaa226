package dev.assay.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The findings of a scan, kept until the report is written, sorted by bucket and key. The first
 * {@code inMemory} findings are held as they are; past them, each is written to a temporary file as
 * JSON and only its bucket, key, severity and place in the file stay in memory (about a hundred
 * bytes against ten kilobytes), so that a scan of millions of objects with findings needs a hundred
 * bytes of heap for each, not ten kilobytes. Both kinds read back equal to what was added. The file
 * is created readable by its owner only, and holds no matched value (findings never do).
 *
 * <p>{@link #add} is thread-safe. {@link #sorted()} is a view for the writers, read after the last
 * {@code add}; it reads spilled findings back on each {@code get}, from the file this spool owns
 * until {@link #close()} deletes it.
 */
public final class FindingSpool implements AutoCloseable {
  /** Findings held as objects before the spool writes them to disk: about 100 MB of them. */
  public static final int DEFAULT_IN_MEMORY = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int inMemory;
  private final Path dir;
  private final List<Entry> entries = new ArrayList<>();
  private Path file;
  private FileChannel channel; // the temporary file, written and read back
  private long written;
  private String problem;

  /**
   * One finding: held ({@code finding} set) or spilled ({@code length} bytes at {@code offset}).
   */
  private record Entry(
      String bucket, String key, long score, Finding finding, long offset, int length) {}

  public FindingSpool() {
    this(DEFAULT_IN_MEMORY);
  }

  /**
   * @param inMemory how many findings are held as objects before the rest go to disk
   */
  public FindingSpool(int inMemory) {
    this(inMemory, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * @param inMemory how many findings are held as objects before the rest go to disk
   * @param dir where the temporary file goes
   */
  public FindingSpool(int inMemory, Path dir) {
    this.inMemory = inMemory;
    this.dir = dir;
  }

  public synchronized void add(Finding finding) {
    String bucket = finding.resourcesAffected().s3Bucket().name();
    String key = finding.resourcesAffected().s3Object().key();
    long score =
        finding.severity() == null || finding.severity().score() == null
            ? 0
            : finding.severity().score();
    if (entries.size() < inMemory || problem != null) {
      entries.add(new Entry(bucket, key, score, finding, 0, 0));
      return;
    }
    try {
      if (channel == null) {
        file = Files.createTempFile(dir, "assay-findings-", ".json");
        file.toFile().deleteOnExit();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
      // Written straight to the file, unbuffered: when a write fails (a full disk), the findings
      // before it are all on disk, and this one is held in memory instead.
      ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(finding));
      int length = bytes.remaining();
      long at = written;
      while (bytes.hasRemaining()) {
        at += channel.write(bytes, at);
      }
      entries.add(new Entry(bucket, key, score, null, written, length));
      written += length;
    } catch (IOException e) {
      // Nothing is lost: this finding and the rest are held in memory instead, and the caller is
      // told why (a full or unwritable temporary directory).
      String where = file != null ? "the temporary file " + file : "a temporary file in " + dir;
      problem =
          "cannot write findings past the first "
              + inMemory
              + " to "
              + where
              + " ("
              + e
              + "); the rest are held in memory";
      entries.add(new Entry(bucket, key, score, finding, 0, 0));
    }
  }

  /** Why findings past the first {@code inMemory} could not go to disk, or null if they could. */
  public synchronized String problem() {
    return problem;
  }

  /** How many findings there are. */
  public synchronized int size() {
    return entries.size();
  }

  /** Whether some finding's severity score is at least {@code score}. */
  public synchronized boolean anyAtLeast(long score) {
    return entries.stream().anyMatch(e -> e.score >= score);
  }

  /**
   * The findings sorted by bucket name, then key (a stable sort: findings of one key keep the order
   * they came in). An unmodifiable view: spilled findings are read back from disk on each get.
   */
  public synchronized List<Finding> sorted() {
    entries.sort(Comparator.comparing(Entry::bucket).thenComparing(Entry::key));
    List<Entry> view = List.copyOf(entries);
    return new SortedView(view);
  }

  private final class SortedView extends AbstractList<Finding> implements RandomAccess {
    private final List<Entry> view;

    SortedView(List<Entry> view) {
      this.view = view;
    }

    @Override
    public Finding get(int index) {
      Entry e = view.get(index);
      return e.finding != null ? e.finding : read(e);
    }

    @Override
    public int size() {
      return view.size();
    }
  }

  private Finding read(Entry e) {
    try {
      ByteBuffer bytes = ByteBuffer.allocate(e.length);
      long at = e.offset;
      while (bytes.hasRemaining()) {
        int n = channel.read(bytes, at);
        if (n < 0) {
          throw new IOException("the file ends before the finding for " + e.key);
        }
        at += n;
      }
      return JSON.readValue(bytes.array(), Finding.class);
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "cannot read findings back from the temporary file " + file, ex);
    }
  }

  /** Deletes the temporary file, if findings were spilled to one. */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }
}
