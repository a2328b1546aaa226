package dev.assay.cli;

import dev.assay.engine.Checkpoint;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanProgress;
import dev.assay.engine.Scanner;
import dev.assay.engine.report.DiscoveryResultsWriter;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingFactory;
import dev.assay.engine.report.FindingSpool;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.report.OutputFormat;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.report.ScanReport;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ClassificationJobFiles;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.ScanTargets;
import dev.assay.engine.source.GuardedSource;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.engine.source.s3.S3Settings;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.Detector;
import dev.assay.identifiers.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay scan TARGET...}: scans files and directories and writes Macie findings. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan files and directories for sensitive data and report Macie findings.",
    sortOptions = false)
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..*",
      description = "Local files, directories, bucket exports, or s3://bucket[/prefix]. May be omitted with --job.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--job",
      paramLabel = "FILE",
      description = "A CreateClassificationJob request body (JSON): its buckets, scoping, sampling and identifiers.")
  Path jobFile;

  @Option(
      names = "--export-root",
      description = "Each local TARGET is a bucket export: its subdirectories are buckets (as 'aws s3 sync' leaves them).")
  boolean exportRoot;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "An S3-compatible endpoint, as in the AWS CLI.")
  String endpointUrl;

  @Option(names = "--profile", paramLabel = "P", description = "The AWS profile for S3 credentials and region.")
  String profile;

  @Mixin IdentifierOptions identifierOptions = new IdentifierOptions();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      description =
          "table (default), json (a GetFindings response), jsonl (one finding a line), sarif (SARIF 2.1.0), "
              + "asff (a Security Hub BatchImportFindings body) or eventbridge (one EventBridge event a line).")
  String format = "table";

  @Option(names = "--output", paramLabel = "FILE", description = "Where findings go; default standard output.")
  Path output;

  @Option(
      names = "--results-dir",
      paramLabel = "DIR",
      description =
          "Also write sensitive data discovery results, one record per object in scope, as Macie lays them out: "
              + "DIR/AWSLogs/<account>/Macie/<region>/<jobId>/<account>/<uuid>.jsonl.gz.")
  Path resultsDir;

  @Option(
      names = "--bucket-name",
      paramLabel = "NAME",
      description = "The bucket name findings report for a local root; default: the root directory's own name.")
  String bucketName;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads; default: available processors.")
  Integer threads;

  @Option(
      names = "--fail-on",
      paramLabel = "SEV",
      description = "LOW (default), MEDIUM or HIGH: exit 1 when any finding has that severity or higher.")
  String failOn = "LOW";

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "The account id findings report; default: the S3 credentials' account (STS), else 000000000000.")
  String accountId;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "The S3 region, and the region findings report; default: the AWS region chain, else us-east-1.")
  String region;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Record finished objects in FILE; after a crash or kill, the same command resumes where it stopped.")
  Path checkpointFile;

  @Option(names = "--quiet", description = "Print only errors on standard error.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "More detail on standard error (libraries' warnings).")
  boolean[] verbose = new boolean[0];

  @Override
  public Integer call() throws IOException {
    OutputFormat fmt = OutputFormat.parse(format);
    if (fmt == null) {
      throw new UsageException("--format: unknown format '" + format + "'; expected one of " + OutputFormat.names());
    }
    Severity threshold = Severity.parse(failOn);
    if (threshold == null) {
      throw new UsageException("--fail-on: expected LOW, MEDIUM or HIGH, got '" + failOn + "'");
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads: must be at least 1, got " + threads);
    }
    if (accountId != null && !accountId.matches("\\d{12}")) {
      throw new UsageException("--account-id: must be 12 digits, got '" + accountId + "'");
    }
    ClassificationJob job = jobFile == null ? null : config(() -> ClassificationJobFiles.load(jobFile));
    if (targets.isEmpty() && job == null) {
      throw new UsageException("a TARGET is required (or --job, to scan the job's buckets in S3)");
    }
    try (ScanTargets scanTargets = new ScanTargets(s3Settings())) {
      String account = accountId;
      if (account == null && ScanTargets.needsS3(targets, job)) {
        account = scanTargets.callerAccountId().orElse(null);
      }
      if (account == null && job != null) {
        account = job.soleAccountId().orElse(null);
      }
      String accountForJob = account;
      List<GuardedSource> sources = new ArrayList<>();
      try {
        config(() -> scanTargets.resolve(targets, job, exportRoot, bucketName, accountForJob)).forEach(s -> sources.add(new GuardedSource(s)));
      } catch (UncheckedIOException e) {
        throw new UsageException(e.getCause() instanceof NoSuchFileException n ? n.getFile() + ": no such file or directory" : e.getCause().getMessage());
      }
      String reportRegion = region != null ? region : scanTargets.usesS3() ? scanTargets.s3().region() : "us-east-1";
      return scan(
          sources,
          identifierOptions.identifiers(job),
          identifierOptions.loadAllowLists(bucketAndKey -> scanTargets.readWordsList(bucketAndKey[0], bucketAndKey[1]), job),
          account == null ? ScanContext.PLACEHOLDER_ACCOUNT : account,
          reportRegion,
          fmt,
          threshold);
    }
  }

  private Integer scan(
      List<GuardedSource> sources, List<DataIdentifier> identifiers, List<AllowList> allowLists, String accountId, String region,
      OutputFormat fmt, Severity threshold) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    warmUp(fmt);
    Detector detector = Detector.of(identifiers, allowLists);
    if (output != null && output.getParent() != null && !Files.isDirectory(output.getParent())) {
      throw new UsageException("--output: no such directory: " + output.getParent());
    }
    if (resultsDir != null && Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
      throw new UsageException("--results-dir: not a directory: " + resultsDir);
    }

    Scanner.Builder builder = Scanner.builder(detector);
    if (threads != null) {
      builder.threads(threads);
    }
    // SARIF names local objects relative to their root directory.
    Map<String, String> roots = new HashMap<>();
    for (String target : targets) {
      Path path = Path.of(target);
      if (!target.startsWith("s3://") && Files.exists(path)) {
        roots.put(bucketName != null ? bucketName : LocalSource.of(path, null).bucket(), rootUri(path));
      }
    }
    String partition = partitionOf(region);
    // The AWS identity is for S3 targets to supply (the caller's account); local targets have none.
    String account = ScanContext.accountIdOf(accountId, Optional::empty);
    Checkpoint checkpoint = null;
    if (checkpointFile != null) {
      try {
        checkpoint = Checkpoint.open(checkpointFile, fingerprint(sources, identifiers, detector), FindingFactory.newJobId());
      } catch (Checkpoint.MismatchException e) {
        throw new UsageException("--checkpoint: " + e.getMessage());
      }
    }
    ScanContext context =
        checkpoint == null
            ? ScanContext.newJob(account, partition, region)
            : new ScanContext(account, partition, region, checkpoint.jobId(), null);
    FindingFactory factory = new FindingFactory(context);
    // Kept for the report, which is sorted by bucket and key; past 10,000 findings the spool keeps
    // them on disk, so that the heap does not grow with the number of objects with findings.
    FindingSpool findings = new FindingSpool();
    long[] resumed = new long[2]; // objects, of which with problems
    List<ObjectSource> toScan = new ArrayList<>(sources);
    if (checkpoint != null) {
      Checkpoint cp = checkpoint;
      toScan = sources.stream().map(source -> skipFinished(source, cp, findings, resumed)).toList();
    }
    Checkpoint cp = checkpoint;
    ScanProgress progress = new ScanProgress();
    builder.progress(progress);
    ProgressDisplay display = ProgressDisplay.wanted(quiet) ? new ProgressDisplay(progress, err) : null;
    Scanner.Summary summary;
    try (DiscoveryResultsWriter results = resultsDir == null ? null : new DiscoveryResultsWriter(resultsDir, factory)) {
      summary =
          builder.build()
              .scan(
                  toScan,
                  result -> {
                    if (result.hasProblem()) {
                      reportProblem(err, result);
                    }
                    Finding finding = findingOf(factory, results, result).orElse(null);
                    if (finding != null) {
                      findings.add(finding);
                    }
                    if (cp != null) {
                      try {
                        cp.record(result, finding);
                      } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the checkpoint " + checkpointFile, e);
                      }
                    }
                  });
    } finally {
      if (display != null) {
        display.close();
      }
      if (checkpoint != null) {
        checkpoint.close();
      }
    }
    if (resumed[0] > 0) {
      summary = new Scanner.Summary(
          summary.objects() + resumed[0], summary.bytes(), summary.objectsWithProblems() + resumed[1], summary.elapsed());
      if (!quiet) {
        err.println("assay scan: resumed from " + checkpointFile + ": " + resumed[0] + " object(s) were finished before");
      }
    }
    ScanReport report =
        new ScanReport(findings.sorted(), summary.objects(), summary.bytes(), summary.objectsWithProblems(), summary.elapsed(), roots);
    boolean failing = findings.anyAtLeast(threshold.score());
    if (findings.problem() != null) {
      err.println("assay scan: warning: " + findings.problem());
    }
    try {
      write(fmt, report);
    } finally {
      findings.close();
    }

    boolean sourceFailed = false;
    for (GuardedSource source : sources) {
      if (source.failure() != null) {
        // A listing that broke off midway: what was listed is reported, the rest is not hidden.
        err.println("assay scan: " + source.failure().getMessage());
        sourceFailed = true;
      }
    }
    if (sourceFailed) {
      return ExitCode.INCOMPLETE.code;
    }
    if (summary.objectsWithProblems() > 0) {
      if (!quiet) {
        err.println("assay scan: " + summary.objectsWithProblems() + " object(s) could not be fully read or analysed");
      }
      return ExitCode.INCOMPLETE.code;
    }
    return failing ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  /** A source that leaves out the objects a checkpoint has finished, collecting their findings. */
  private static ObjectSource skipFinished(ObjectSource source, Checkpoint checkpoint, FindingSpool findings, long[] resumed) {
    return new ObjectSource() {
      @Override
      public String describe() {
        return source.describe();
      }

      @Override
      public void enumerate(java.util.function.Consumer<dev.assay.engine.source.ScanObject> sink) throws IOException {
        enumerate(sink, (objects, bytes) -> {});
      }

      @Override
      public void enumerate(java.util.function.Consumer<dev.assay.engine.source.ScanObject> sink, Totals totals)
          throws IOException {
        source.enumerate(
            object -> {
              Checkpoint.Done done = checkpoint.finished(object);
              if (done == null) {
                sink.accept(object);
                return;
              }
              resumed[0]++;
              if (done.problem()) {
                resumed[1]++;
              }
              if (done.finding() != null) {
                findings.add(done.finding());
              }
            },
            totals);
      }
    };
  }

  /**
   * What makes two runs the same scan, for the checkpoint: targets, bucket name, identifiers (with
   * their definitions), allow lists, account and region.
   */
  private String fingerprint(List<? extends ObjectSource> sources, List<DataIdentifier> identifiers, Detector detector) {
    StringBuilder sb = new StringBuilder();
    sources.forEach(s -> sb.append("source ").append(s.describe()).append('\n'));
    sb.append("bucket ").append(bucketName).append('\n');
    for (DataIdentifier id : identifiers) {
      sb.append("id ").append(id.id()).append(' ').append(id.name()).append(' ').append(id.criteria().regex()).append(' ')
          .append(id.criteria().keywords()).append(' ').append(id.criteria().ignoreWords()).append(' ')
          .append(id.criteria().proximity()).append('\n');
      if (id instanceof dev.assay.identifiers.CustomDataIdentifier c) {
        sb.append(c.severityLevels()).append('\n');
      }
    }
    detector.allowLists().forEach(a -> sb.append("allow ").append(a).append('\n'));
    sb.append(accountId).append(' ').append(region);
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads and links the output classes (Jackson, its serializers for findings, locale data) on a
   * thread of their own while the scan runs, instead of after it: measured, ~0.2 s at the end of
   * every scan, on a core the scan mostly leaves idle at its start and end. Writes nothing.
   */
  private static void warmUp(OutputFormat fmt) {
    Thread warm =
        new Thread(
            () -> {
              try {
                fmt.writer().write(new ScanReport(List.of(), 0, 0, 0, java.time.Duration.ZERO), Writer.nullWriter());
                dev.assay.engine.report.FindingWriter.JSON.canSerialize(Finding.class);
              } catch (IOException | RuntimeException | LinkageError e) {
                // only a warm-up: the real write reports whatever goes wrong
              }
            },
            "assay-warm-up");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
  }

  private void write(OutputFormat fmt, ScanReport report) throws IOException {
    FindingWriter writer = fmt.writer();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      writer.write(report, out);
      out.flush();
      return;
    }
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
      writer.write(report, out);
    }
  }

  /** The result's finding; with {@code --results-dir}, its discovery result is written first. */
  private static Optional<Finding> findingOf(FindingFactory factory, DiscoveryResultsWriter results, ObjectResult result) {
    if (results == null) {
      return factory.toFinding(result);
    }
    try {
      return results.write(result);
    } catch (IOException e) {
      throw new UncheckedIOException("--results-dir: cannot write: " + e.getMessage(), e);
    }
  }

  /** The URI of what a local target is scanned as a bucket: the directory, or a file's directory. */
  private static String rootUri(Path target) {
    Path p = target.toAbsolutePath().normalize();
    return (Files.isDirectory(p) ? p : p.getParent()).toUri().toString();
  }

  /** S3 access as the AWS CLI options give it. */
  private S3Settings s3Settings() {
    S3Settings settings = S3Settings.defaults().withRegion(region).withProfile(profile);
    if (endpointUrl == null) {
      return settings;
    }
    URI endpoint;
    try {
      endpoint = new URI(endpointUrl);
    } catch (URISyntaxException e) {
      throw new UsageException("--endpoint-url: not a URL: " + endpointUrl);
    }
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new UsageException("--endpoint-url: expected http://host[:port] or https://host[:port], got " + endpointUrl);
    }
    return settings.withEndpoint(endpoint);
  }

  /** Something that reads configuration or sources. */
  private interface ConfigStep<T> {
    T get() throws ConfigException, IOException;
  }

  /** Runs {@code step}; configuration and source errors become usage errors (exit 2). */
  private static <T> T config(ConfigStep<T> step) {
    try {
      return step.get();
    } catch (ConfigException | SourceUnavailableException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reportProblem(PrintWriter err, ObjectResult r) {
    String where = r.object().bucket() + "/" + r.object().key();
    String status = "COMPLETE".equals(r.statusCode()) ? "" : r.statusCode() + " " + r.statusReason() + ": ";
    err.println("assay scan: " + where + ": " + status + (r.problem() == null ? "" : r.problem()));
  }

  static String partitionOf(String region) {
    String r = region.toLowerCase(Locale.ROOT);
    if (r.startsWith("cn-")) {
      return "aws-cn";
    }
    return r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
