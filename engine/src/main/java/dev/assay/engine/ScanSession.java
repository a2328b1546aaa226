package dev.assay.engine;

import dev.assay.engine.report.DiscoveryResultsWriter;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingSpool;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.report.ScanReport;
import dev.assay.engine.source.GuardedSource;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.CustomDataIdentifier;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.detect.Detector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One scan from sources to findings: the pipeline enumerate, fetch, extract, detect, triage (a
 * finding per object with reportable detections), then discovery results, checkpoint and the
 * caller's sinks. The one entry point the command line and the server share.
 *
 * <p>With a checkpoint, a scan that was killed resumes where it stopped: objects the checkpoint
 * records as finished are not read again, and their findings (with the ids they had) are handed to
 * the finding sink again, so a sink that stores findings by id stores each once. A finding is
 * recorded in the checkpoint before it reaches the sink.
 *
 * <p>Built by {@link #builder}; {@link #run()} may be called once. Sinks are called one at a time.
 */
public final class ScanSession {
  private final Builder b;

  private ScanSession(Builder b) {
    this.b = b;
  }

  /**
   * A session over {@code sources}: each is guarded, so that a listing that breaks off midway is
   * reported in {@link Outcome#sourceFailures()} and the other sources are still scanned.
   */
  public static Builder builder(Detector detector, List<? extends ObjectSource> sources) {
    return new Builder(detector, sources);
  }

  /**
   * What a scan did.
   *
   * @param summary objects, bytes and problems, including objects a checkpoint had finished
   * @param resumedObjects objects a checkpoint had finished before this run
   * @param jobId the job id its findings report
   * @param findings every finding, kept when {@link Builder#keepFindings()} asked for it, else
   *     null; the caller closes it
   * @param sourceFailures why sources stopped early, one message each
   * @param stopped whether the stop condition ended the enumeration early
   */
  public record Outcome(
      Scanner.Summary summary,
      long resumedObjects,
      String jobId,
      FindingSpool findings,
      List<String> sourceFailures,
      boolean stopped) {

    /**
     * The report for the writers: the kept findings sorted by bucket and key, with the summary's
     * counts. Needs {@link Builder#keepFindings()}; the report reads the spool, so close the
     * findings only after it is written.
     *
     * @param roots per bucket name, the URI of what was scanned as that bucket
     */
    public ScanReport report(Map<String, String> roots) {
      if (findings == null) {
        throw new IllegalStateException("the session kept no findings: ask keepFindings()");
      }
      return new ScanReport(
          findings.sorted(),
          summary.objects(),
          summary.bytes(),
          summary.objectsWithProblems(),
          summary.elapsed(),
          roots);
    }

    /** Whether every source was listed to the end and every object fully read and analysed. */
    public boolean complete() {
      return sourceFailures.isEmpty() && summary.objectsWithProblems() == 0;
    }
  }

  /**
   * Runs the scan.
   *
   * @throws Checkpoint.MismatchException when the checkpoint belongs to another scan
   * @throws UncheckedIOException when the checkpoint or the discovery results cannot be written
   */
  public Outcome run() throws IOException, Checkpoint.MismatchException {
    Checkpoint checkpoint =
        b.checkpointFile == null ? null : Checkpoint.open(b.checkpointFile, b.fingerprint, b.jobId);
    String jobId = checkpoint == null ? b.jobId : checkpoint.jobId();
    FindingFactory factory =
        new FindingFactory(new ScanContext(b.accountId, b.partition, b.region, jobId, null));
    FindingSpool spool = b.keepFindings ? new FindingSpool() : null;
    Consumer<Finding> sink =
        finding -> {
          if (spool != null) {
            spool.add(finding);
          }
          b.findingSink.accept(finding);
        };
    List<GuardedSource> guarded = new ArrayList<>();
    for (ObjectSource s : b.sources) {
      guarded.add(new GuardedSource(s));
    }
    long[] resumed = new long[2]; // objects, of which with problems
    boolean[] stopped = new boolean[1];
    List<ObjectSource> toScan = new ArrayList<>();
    for (GuardedSource source : guarded) {
      toScan.add(new Filtered(source, checkpoint, sink, resumed, b.stop, stopped));
    }
    Scanner.Builder scanner = Scanner.builder(b.detector);
    if (b.threads > 0) {
      scanner.threads(b.threads);
    }
    if (b.progress != null) {
      scanner.progress(b.progress);
    }
    Scanner.Summary summary;
    try (DiscoveryResultsWriter results =
        b.resultsDir == null
            ? null
            : new DiscoveryResultsWriter(b.resultsDir, factory, b.resultsFileNames)) {
      summary =
          scanner
              .build()
              .scan(
                  toScan,
                  result -> {
                    b.resultSink.accept(result);
                    Finding finding = findingOf(factory, results, result);
                    if (checkpoint != null) {
                      try {
                        checkpoint.record(result, finding);
                      } catch (IOException e) {
                        throw new UncheckedIOException(
                            "cannot write the checkpoint " + b.checkpointFile, e);
                      }
                    }
                    if (finding != null) {
                      sink.accept(finding);
                    }
                  });
    } catch (IOException | RuntimeException e) {
      if (spool != null) {
        spool.close();
      }
      throw e;
    } finally {
      if (checkpoint != null) {
        checkpoint.close();
      }
    }
    if (resumed[0] > 0) {
      summary =
          new Scanner.Summary(
              summary.objects() + resumed[0],
              summary.bytes(),
              summary.objectsWithProblems() + resumed[1],
              summary.elapsed());
    }
    List<String> failures = new ArrayList<>();
    for (GuardedSource source : guarded) {
      if (source.failure() != null) {
        failures.add(source.failure().getMessage());
      }
    }
    return new Outcome(summary, resumed[0], jobId, spool, List.copyOf(failures), stopped[0]);
  }

  private static Finding findingOf(
      FindingFactory factory, DiscoveryResultsWriter results, ObjectResult result) {
    if (results == null) {
      return factory.toFinding(result).orElse(null);
    }
    try {
      return results.write(result).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write discovery results: " + e.getMessage(), e);
    }
  }

  /**
   * What makes two runs the same scan, for a checkpoint: the sources, the identifiers with their
   * definitions, the allow lists, and whatever else the caller names (account, region, ...).
   */
  public static String fingerprint(
      List<? extends ObjectSource> sources,
      List<DataIdentifier> identifiers,
      Detector detector,
      String extra) {
    StringBuilder sb = new StringBuilder();
    sources.forEach(s -> sb.append("source ").append(s.describe()).append('\n'));
    for (DataIdentifier id : identifiers) {
      sb.append("id ")
          .append(id.id())
          .append(' ')
          .append(id.name())
          .append(' ')
          .append(id.criteria().regex())
          .append(' ')
          .append(id.criteria().keywords())
          .append(' ')
          .append(id.criteria().ignoreWords())
          .append(' ')
          .append(id.criteria().proximity())
          .append('\n');
      if (id instanceof CustomDataIdentifier c) {
        sb.append(c.severityLevels()).append('\n');
      }
    }
    detector.allowLists().forEach(a -> sb.append("allow ").append(a).append('\n'));
    sb.append(extra);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A source that leaves out what a checkpoint finished (handing on its findings) and stops when
   * asked.
   */
  private static final class Filtered implements ObjectSource {
    private final GuardedSource source;
    private final Checkpoint checkpoint;
    private final Consumer<Finding> sink;
    private final long[] resumed;
    private final BooleanSupplier stop;
    private final boolean[] stopped;

    Filtered(
        GuardedSource source,
        Checkpoint checkpoint,
        Consumer<Finding> sink,
        long[] resumed,
        BooleanSupplier stop,
        boolean[] stopped) {
      this.source = source;
      this.checkpoint = checkpoint;
      this.sink = sink;
      this.resumed = resumed;
      this.stop = stop;
      this.stopped = stopped;
    }

    @Override
    public String describe() {
      return source.describe();
    }

    @Override
    public void enumerate(Consumer<ScanObject> out) {
      enumerate(out, (objects, bytes) -> {});
    }

    @Override
    public void enumerate(Consumer<ScanObject> out, Totals totals) {
      if (stopped[0]) {
        return;
      }
      try {
        source.enumerate(
            object -> {
              if (stopped[0] || stop.getAsBoolean()) {
                stopped[0] = true;
                throw new Stop();
              }
              Checkpoint.Done done = checkpoint == null ? null : checkpoint.finished(object);
              if (done == null) {
                out.accept(object);
                return;
              }
              resumed[0]++;
              if (done.problem()) {
                resumed[1]++;
              }
              if (done.finding() != null) {
                sink.accept(done.finding());
              }
            },
            totals);
      } catch (Stop e) {
        // asked to stop: what was submitted is finished and reported
      }
    }
  }

  /** Unwinds an enumeration that was asked to stop. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** Configures a {@link ScanSession}; not thread-safe. */
  public static final class Builder {
    private final Detector detector;
    private final List<? extends ObjectSource> sources;
    private int threads;
    private String accountId = ScanContext.PLACEHOLDER_ACCOUNT;
    private String partition = "aws";
    private String region = "us-east-1";
    private String jobId = FindingFactory.newJobId();
    private Path checkpointFile;
    private String fingerprint;
    private Path resultsDir;
    private Supplier<UUID> resultsFileNames = UUID::randomUUID;
    private ScanProgress progress;
    private boolean keepFindings;
    private Consumer<Finding> findingSink = f -> {};
    private Consumer<ObjectResult> resultSink = r -> {};
    private BooleanSupplier stop = () -> false;

    private Builder(Detector detector, List<? extends ObjectSource> sources) {
      this.detector = Objects.requireNonNull(detector, "detector");
      this.sources = List.copyOf(sources);
    }

    /** Worker threads; default: available processors. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /** The account, partition and region findings report. */
    public Builder reportAs(String accountId, String partition, String region) {
      this.accountId = Objects.requireNonNull(accountId);
      this.partition = Objects.requireNonNull(partition);
      this.region = Objects.requireNonNull(region);
      return this;
    }

    /** The job id findings report (a checkpoint's own wins when it has one); default: a new one. */
    public Builder jobId(String jobId) {
      this.jobId = Objects.requireNonNull(jobId);
      return this;
    }

    /**
     * Records finished objects in {@code file}, and resumes from it; {@code fingerprint} names the
     * scan.
     */
    public Builder checkpoint(Path file, String fingerprint) {
      this.checkpointFile = Objects.requireNonNull(file);
      this.fingerprint = Objects.requireNonNull(fingerprint);
      return this;
    }

    /** Writes sensitive data discovery results under {@code dir}, as Macie lays them out. */
    public Builder resultsDir(Path dir) {
      this.resultsDir = dir;
      return this;
    }

    /**
     * Like {@link #resultsDir(Path)}, with the results files' uuids from {@code fileNames}, so that
     * a rerun of the same work (a retried task) writes the same files again instead of new ones.
     */
    public Builder resultsDir(Path dir, Supplier<UUID> fileNames) {
      this.resultsDir = dir;
      this.resultsFileNames = Objects.requireNonNull(fileNames);
      return this;
    }

    public Builder progress(ScanProgress progress) {
      this.progress = progress;
      return this;
    }

    /** Keeps every finding in the outcome's spool (on disk past 10,000), for a sorted report. */
    public Builder keepFindings() {
      this.keepFindings = true;
      return this;
    }

    /** Receives each finding, new or resumed from the checkpoint. */
    public Builder onFinding(Consumer<Finding> sink) {
      this.findingSink = Objects.requireNonNull(sink);
      return this;
    }

    /** Receives each object's result before its finding is made (problems, progress). */
    public Builder onResult(Consumer<ObjectResult> sink) {
      this.resultSink = Objects.requireNonNull(sink);
      return this;
    }

    /**
     * Asked before each object is taken: when it answers true, no further object is started; those
     * started are finished and reported, and {@link Outcome#stopped()} is true.
     */
    public Builder stopWhen(BooleanSupplier stop) {
      this.stop = Objects.requireNonNull(stop);
      return this;
    }

    public ScanSession build() {
      return new ScanSession(this);
    }
  }
}
