package dev.assay.spark;

import dev.assay.cli.ScanPlan;
import dev.assay.engine.ScanSession;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingSpool;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.report.OutputFormat;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.report.ScanReport;
import dev.assay.engine.source.ObjectSource;
import dev.assay.identifiers.detect.Detector;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code spark-submit --class dev.assay.spark.SparkScan assay-spark.jar --output DIR [assay scan
 * options] TARGET...}: {@code assay scan} on a Spark cluster. The driver resolves the options as
 * {@code assay scan} does, lists the objects with the engine's sources (local or shared-storage
 * directories, bucket exports, S3), and deals them into partitions of about equal bytes; the
 * executors open and scan the objects themselves and write part files below DIR (see {@link
 * RunOutput}). Run the same command again with the same DIR and it resumes: committed objects are
 * not scanned again.
 *
 * <p>Options of its own: {@code --output DIR} (required; a directory every executor can write),
 * {@code --partitions N} (default: enough for three tasks per core, and at most 64 MB per task).
 * {@code --results-dir DIR} writes the discovery results there as {@code assay scan} does, one file
 * per task. {@code --threads} is the threads per task (default 1). Spark configuration {@code
 * spark.assay.failOnce=P} makes the first attempt of partition P fail, to test retries.
 *
 * <p>Exit status as for {@code assay scan}: 0, 1 (findings at or above {@code --fail-on}), 2
 * (usage), 3 (objects that could not be analysed, or a source that could not be listed).
 */
public final class SparkScan {
  /** Bytes per partition past which the default adds partitions. */
  static final long TARGET_PARTITION_BYTES = 64L * 1024 * 1024;

  private SparkScan() {}

  public static void main(String[] args) {
    SparkConf conf = new SparkConf().setAppName("assay scan");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(conf, out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs a scan on the cluster {@code conf} names and returns the exit status; the streams stay
   * open. Starts and stops its own Spark context.
   */
  public static int run(SparkConf conf, PrintWriter out, PrintWriter err, String... args) {
    try {
      return scan(conf, out, err, args);
    } catch (UsageError e) {
      err.println("assay-spark: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("assay-spark: " + e.getMessage());
      return 3;
    } catch (Exception e) {
      // The Spark job failed (a task out of retries, a lost cluster): committed parts stay.
      err.println("assay-spark: the scan stopped: " + e.getMessage());
      err.println(
          "assay-spark: rerun the same command to resume; objects already committed are not scanned again");
      return 3;
    }
  }

  private static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  private static int scan(SparkConf conf, PrintWriter out, PrintWriter err, String... args)
      throws IOException {
    List<String> scanArgs = new ArrayList<>();
    String outputDir = null;
    String resultsDir = null;
    Integer partitions = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
      boolean inline = !option.equals(a);
      if (option.equals("--output")
          || option.equals("--results-dir")
          || option.equals("--partitions")) {
        String value;
        if (inline) {
          value = a.substring(a.indexOf('=') + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageError(option + ": a value is required");
        }
        switch (option) {
          case "--output" -> outputDir = value;
          case "--results-dir" -> resultsDir = value;
          default -> partitions = positive(option, value);
        }
      } else if (option.equals("--checkpoint")) {
        throw new UsageError(
            "--checkpoint: not with Spark; rerun with the same --output to resume");
      } else {
        scanArgs.add(a);
      }
    }
    if (outputDir == null) {
      throw new UsageError(
          "--output DIR is required: the directory the executors write findings to");
    }
    ScanPlan plan;
    try {
      plan = ScanPlan.of(scanArgs.toArray(String[]::new));
    } catch (ScanPlan.InvalidException e) {
      throw new UsageError(e.getMessage());
    }
    try (plan) {
      if (!"local".equals(plan.backend())) {
        throw new UsageError("--backend: the Spark runner runs the local engine only");
      }
      return scan(
          conf,
          plan,
          Path.of(outputDir).toAbsolutePath(),
          resultsDir == null ? null : Path.of(resultsDir).toAbsolutePath(),
          partitions,
          out,
          err);
    }
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageError(option + ": expected a positive number, got '" + value + "'");
  }

  private static int scan(
      SparkConf conf,
      ScanPlan plan,
      Path outputDir,
      Path resultsDir,
      Integer partitions,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    long started = System.nanoTime();
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new UsageError("--output: not a directory: " + outputDir);
    }
    if (resultsDir != null && Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
      throw new UsageError("--results-dir: not a directory: " + resultsDir);
    }
    DetectorSpec spec = DetectorSpec.of(plan.identifiers(), plan.allowLists());
    Detector detector = spec.detector();
    String fingerprint =
        ScanSession.fingerprint(
            plan.sources(),
            plan.identifiers(),
            detector,
            plan.accountId() + " " + plan.region() + " " + resultsDir + " " + plan.format());
    RunOutput output = new RunOutput(outputDir);
    Files.createDirectories(output.findingsDir());
    Files.createDirectories(output.committedDir());
    RunOutput.Job previous =
        Files.exists(output.jobFile())
            ? RunOutput.JSON.readValue(output.jobFile().toFile(), RunOutput.Job.class)
            : null;
    if (previous != null && !previous.fingerprint().equals(fingerprint)) {
      throw new UsageError(
          "--output: "
              + outputDir
              + " holds another scan (other targets, identifiers, allow lists or options); "
              + "give another directory, or delete it to start again");
    }
    String jobId = previous == null ? FindingFactory.newJobId() : previous.jobId();
    int run = previous == null ? 1 : previous.runs() + 1;
    ScanContext context =
        new ScanContext(plan.accountId(), plan.partition(), plan.region(), jobId, null);
    Path resultsFolder = resultsDir == null ? null : resultsDir.resolve(context.resultsPrefix());
    output.removeUncommitted(resultsFolder, jobId, run);
    RunOutput.JSON.writeValue(
        output.jobFile().toFile(), new RunOutput.Job(jobId, fingerprint, run));

    Set<String> done = new HashSet<>();
    for (RunOutput.Commit c : output.commits()) {
      for (List<String> o : c.objects()) {
        done.add(o.get(0) + "\n" + o.get(1));
      }
    }
    List<ObjectRef> refs = new ArrayList<>();
    List<String> sourceFailures = new ArrayList<>();
    long[] resumed = {0};
    for (ObjectSource source : plan.sources()) {
      Path root = source.localRoot();
      try {
        source.enumerate(
            o -> {
              if (done.contains(o.bucket() + "\n" + o.key())) {
                resumed[0]++;
              } else {
                refs.add(ObjectRef.of(o, root));
              }
            });
      } catch (IOException | RuntimeException e) {
        // A listing that broke off: what was listed is scanned, and the run ends with exit 3.
        sourceFailures.add(source.describe() + ": " + e.getMessage());
      }
    }
    List<ScanTask.Slice> slices;
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      spark.setLogLevel(plan.quiet() ? "ERROR" : "WARN");
      int count =
          partitions != null ? partitions : defaultPartitions(refs, spark.defaultParallelism());
      slices = slices(refs, Math.min(count, Math.max(1, refs.size())), run);
      if (!plan.quiet()) {
        err.println(
            "assay-spark: job "
                + jobId
                + " run "
                + run
                + ": "
                + refs.size()
                + " object(s) in "
                + slices.size()
                + " partition(s)"
                + (resumed[0] > 0 ? "; " + resumed[0] + " finished in earlier runs" : ""));
      }
      if (!refs.isEmpty()) {
        ScanTask.Settings settings =
            new ScanTask.Settings(
                spec,
                S3Spec.of(plan.s3Settings()),
                jobId,
                plan.accountId(),
                plan.partition(),
                plan.region(),
                outputDir.toString(),
                resultsDir == null ? null : resultsDir.toString(),
                plan.format() == OutputFormat.EVENTBRIDGE
                    ? OutputFormat.EVENTBRIDGE
                    : OutputFormat.JSONL,
                plan.threads() == null ? 1 : plan.threads(),
                conf.getInt("spark.assay.failOnce", -1));
        try {
          spark.parallelize(slices, slices.size()).map(new ScanTask(settings)).collect();
        } finally {
          // What attempts that failed left behind (their temporary files); committed parts stay.
          output.removeUncommitted(resultsFolder, jobId, run);
        }
      }
    }
    TaskStats total = TaskStats.empty();
    for (RunOutput.Commit c : output.commits()) {
      total = total.plus(c.stats());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    writeSummary(output, jobId, run, total, resumed[0], slices.size(), elapsed, sourceFailures);
    writeCombined(plan, output, total, elapsed, out);
    for (String p : total.problems()) {
      err.println("assay-spark: " + p);
    }
    for (String f : sourceFailures) {
      err.println("assay-spark: " + f);
    }
    if (!plan.quiet()) {
      err.printf(
          "assay-spark: %d finding(s) in %d object(s) (%d bytes) in %.1f s; summary in %s%n",
          total.findings(),
          total.objects(),
          total.bytes(),
          elapsed.toMillis() / 1000.0,
          output.dir().resolve("summary.json"));
    }
    if (!sourceFailures.isEmpty() || total.objectsWithProblems() > 0) {
      return 3;
    }
    return total.maxSeverityScore() >= plan.failOn().score() ? 1 : 0;
  }

  /** Three tasks per core, and enough that no partition has much more than 64 MB. */
  static int defaultPartitions(List<ObjectRef> refs, int parallelism) {
    long bytes = refs.stream().mapToLong(ObjectRef::weight).sum();
    long bySize = (bytes + TARGET_PARTITION_BYTES - 1) / TARGET_PARTITION_BYTES;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.max(3L * parallelism, bySize)));
  }

  /**
   * Deals the objects into {@code count} partitions of about equal weight: largest first, each to
   * the lightest partition so far (within 4/3 of the best balance); each partition then in key
   * order. The same objects and count give the same partitions.
   */
  static List<ScanTask.Slice> slices(List<ObjectRef> refs, int count, int run) {
    List<ObjectRef> bySize = new ArrayList<>(refs);
    bySize.sort(
        Comparator.comparingLong(ObjectRef::weight)
            .reversed()
            .thenComparing(ObjectRef::bucket)
            .thenComparing(ObjectRef::key));
    List<List<ObjectRef>> groups = new ArrayList<>();
    PriorityQueue<long[]> lightest =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(g -> g[0]).thenComparingLong(g -> g[1]));
    for (int i = 0; i < count; i++) {
      groups.add(new ArrayList<>());
      lightest.add(new long[] {0, i});
    }
    for (ObjectRef ref : bySize) {
      long[] g = lightest.poll();
      groups.get((int) g[1]).add(ref);
      g[0] += ref.weight();
      lightest.add(g);
    }
    List<ScanTask.Slice> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<ObjectRef> group = groups.get(i);
      group.sort(Comparator.comparing(ObjectRef::bucket).thenComparing(ObjectRef::key));
      slices.add(new ScanTask.Slice(run, i, List.copyOf(group)));
    }
    return slices;
  }

  private static void writeSummary(
      RunOutput output,
      String jobId,
      int run,
      TaskStats total,
      long resumed,
      int partitions,
      Duration elapsed,
      List<String> sourceFailures)
      throws IOException {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("jobId", jobId);
    summary.put("runs", run);
    summary.put("objects", total.objects());
    summary.put("bytesClassified", total.bytes());
    summary.put("objectsWithProblems", total.objectsWithProblems());
    summary.put("findings", total.findings());
    Map<String, Long> severity = new LinkedHashMap<>();
    for (String s : List.of("High", "Medium", "Low")) {
      severity.put(s, total.bySeverity().getOrDefault(s, 0L));
    }
    summary.put("findingsBySeverity", severity);
    Map<String, Object> types = new LinkedHashMap<>();
    total
        .objectsByType()
        .forEach(
            (type, objects) ->
                types.put(
                    type,
                    Map.of(
                        "objects",
                        objects,
                        "occurrences",
                        total.occurrencesByType().getOrDefault(type, 0L))));
    summary.put("sensitiveDataTypes", types);
    summary.put(
        "thisRun",
        Map.of(
            "partitions",
            partitions,
            "objectsResumed",
            resumed,
            "elapsedSeconds",
            elapsed.toMillis() / 1000.0));
    summary.put("sourceFailures", sourceFailures);
    RunOutput.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(output.dir().resolve("summary.json").toFile(), summary);
  }

  /**
   * For formats that are one document (json, sarif, asff) the findings of every part as one file
   * below DIR; a table goes to standard output. JSON Lines and EventBridge stay as part files.
   */
  private static void writeCombined(
      ScanPlan plan, RunOutput output, TaskStats total, Duration elapsed, PrintWriter out)
      throws IOException {
    OutputFormat format = plan.format();
    if (format == OutputFormat.JSONL || format == OutputFormat.EVENTBRIDGE) {
      return;
    }
    try (FindingSpool spool = new FindingSpool()) {
      List<Path> parts = new ArrayList<>();
      try (DirectoryStream<Path> entries =
          Files.newDirectoryStream(output.findingsDir(), "part-*.jsonl")) {
        entries.forEach(parts::add);
      }
      parts.sort(null);
      for (Path part : parts) {
        try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
              spool.add(FindingWriter.JSON.readValue(line, Finding.class));
            }
          }
        }
      }
      ScanReport report =
          new ScanReport(
              spool.sorted(), total.objects(), total.bytes(), total.objectsWithProblems(), elapsed);
      if (format == OutputFormat.TABLE) {
        format.writer().write(report, out);
        out.flush();
        return;
      }
      String name =
          switch (format) {
            case SARIF -> "findings.sarif";
            case ASFF -> "findings.asff.json";
            default -> "findings.json";
          };
      try (Writer w =
          new BufferedWriter(
              Files.newBufferedWriter(output.dir().resolve(name), StandardCharsets.UTF_8))) {
        format.writer().write(report, w);
      }
    }
  }
}
