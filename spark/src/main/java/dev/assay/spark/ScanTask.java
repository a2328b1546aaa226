package dev.assay.spark;

import dev.assay.engine.Checkpoint;
import dev.assay.engine.ScanSession;
import dev.assay.engine.report.OutputFormat;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.report.ScanReport;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.identifiers.detect.Detector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * Scans one slice of the objects on an executor: the detector is the executor's (built once per
 * JVM), the objects are opened here, and the findings, discovery results and commit are written to
 * the shared output. Running it again for the same slice replaces what it wrote before.
 */
final class ScanTask implements Function<ScanTask.Slice, TaskStats> {
  private static final long serialVersionUID = 1L;

  /** The objects of one partition of one run. */
  record Slice(int run, int partition, List<ObjectRef> objects) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** What every task of a run shares. */
  record Settings(
      DetectorSpec detector,
      S3Spec s3,
      String jobId,
      String accountId,
      String partition,
      String region,
      String output,
      String resultsDir,
      OutputFormat partFormat,
      int threads,
      int failOncePartition)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final Settings settings;

  ScanTask(Settings settings) {
    this.settings = settings;
  }

  @Override
  public TaskStats call(Slice slice) throws IOException {
    Settings s = settings;
    TaskContext context = TaskContext.get();
    String attempt = context == null ? "driver" : "attempt-" + context.taskAttemptId();
    RunOutput out = new RunOutput(Path.of(s.output()));
    Detector detector = s.detector().detector();
    ScanContext scanContext =
        new ScanContext(s.accountId(), s.partition(), s.region(), s.jobId(), null);
    AtomicInteger resultsFiles = new AtomicInteger();
    Path resultsFolder =
        s.resultsDir() == null
            ? null
            : Path.of(s.resultsDir()).resolve(scanContext.resultsPrefix());
    if (resultsFolder != null) {
      RunOutput.deleteResults(resultsFolder, s.jobId(), slice.run(), slice.partition());
    }
    Path part = out.findingsPart(slice.run(), slice.partition(), extension(s.partFormat()));
    Path partTemp = part.resolveSibling("." + part.getFileName() + "." + attempt + ".tmp");
    TaskStats[] stats = {TaskStats.empty()};
    try (Writer findings =
        new BufferedWriter(Files.newBufferedWriter(partTemp, StandardCharsets.UTF_8))) {
      ScanSession.Builder session =
          ScanSession.builder(detector, List.of(new Listed(slice, s.s3())))
              .reportAs(s.accountId(), s.partition(), s.region())
              .jobId(s.jobId())
              .threads(s.threads())
              .onResult(
                  result ->
                      stats[0] =
                          stats[0].withObject(result.sizeClassified(), result.problemDescription()))
              .onFinding(
                  finding -> {
                    stats[0] = stats[0].withFinding(finding);
                    try {
                      s.partFormat()
                          .writer()
                          .write(
                              new ScanReport(List.of(finding), 1, 0, 0, Duration.ZERO), findings);
                    } catch (IOException e) {
                      throw new UncheckedIOException("cannot write " + partTemp, e);
                    }
                  });
      if (resultsFolder != null) {
        session.resultsDir(
            Path.of(s.resultsDir()),
            () ->
                RunOutput.resultsFileName(
                    s.jobId(), slice.run(), slice.partition(), resultsFiles.getAndIncrement()));
      }
      try {
        session.build().run();
      } catch (Checkpoint.MismatchException e) {
        throw new IllegalStateException("a task keeps no checkpoint", e);
      }
    }
    if (s.failOncePartition() == slice.partition()
        && context != null
        && context.attemptNumber() == 0) {
      // Fault injection for tests (spark.assay.failOnce): this attempt dies after its findings and
      // results are written but before they are committed, as a lost executor would.
      throw new IllegalStateException(
          "injected failure of partition " + slice.partition() + " (spark.assay.failOnce)");
    }
    RunOutput.moveIntoPlace(partTemp, part);
    List<List<String>> objects = new ArrayList<>(slice.objects().size());
    for (ObjectRef ref : slice.objects()) {
      objects.add(List.of(ref.bucket(), ref.key()));
    }
    RunOutput.Commit commit =
        new RunOutput.Commit(slice.run(), slice.partition(), objects, stats[0]);
    RunOutput.writeAtomically(
        out.commit(slice.run(), slice.partition()),
        RunOutput.JSON.writeValueAsBytes(commit),
        attempt);
    return stats[0];
  }

  /** The extension of findings part files in {@code format}. */
  static String extension(OutputFormat format) {
    return format == OutputFormat.EVENTBRIDGE ? "events.jsonl" : "jsonl";
  }

  /** A slice's objects as a source, opened on this executor. */
  private static final class Listed implements ObjectSource {
    private final Slice slice;
    private final S3Spec s3;

    Listed(Slice slice, S3Spec s3) {
      this.slice = slice;
      this.s3 = s3;
    }

    @Override
    public String describe() {
      return "partition " + slice.partition() + " of run " + slice.run();
    }

    @Override
    public void enumerate(Consumer<ScanObject> sink) {
      for (ObjectRef ref : slice.objects()) {
        sink.accept(ref.open(s3));
      }
    }
  }
}
