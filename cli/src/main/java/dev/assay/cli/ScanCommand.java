package dev.assay.cli;

import dev.assay.engine.Checkpoint;
import dev.assay.engine.ObjectResult;
import dev.assay.engine.ScanProgress;
import dev.assay.engine.ScanSession;
import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ClassificationJobFiles;
import dev.assay.engine.config.ConfigException;
import dev.assay.engine.config.ScanTargets;
import dev.assay.engine.macie.MacieBackend;
import dev.assay.engine.macie.MacieException;
import dev.assay.engine.macie.MacieRequest;
import dev.assay.engine.report.Finding;
import dev.assay.engine.report.FindingComparison;
import dev.assay.engine.report.FindingSpool;
import dev.assay.engine.report.FindingWriter;
import dev.assay.engine.report.OutputFormat;
import dev.assay.engine.report.ScanContext;
import dev.assay.engine.report.ScanReport;
import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.engine.source.s3.S3Settings;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.Severity;
import dev.assay.identifiers.detect.Detector;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
      description =
          "Local files, directories, bucket exports, or s3://bucket[/prefix]. May be omitted with --job.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--job",
      paramLabel = "FILE",
      description =
          "A CreateClassificationJob request body (JSON): its buckets, scoping, sampling and identifiers.")
  Path jobFile;

  @Option(
      names = "--export-root",
      description =
          "Each local TARGET is a bucket export: its subdirectories are buckets (as 'aws s3 sync' leaves them).")
  boolean exportRoot;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "An S3-compatible endpoint, as in the AWS CLI.")
  String endpointUrl;

  @Option(
      names = "--profile",
      paramLabel = "P",
      description = "The AWS profile for S3 credentials and region.")
  String profile;

  @Mixin IdentifierOptions identifierOptions = new IdentifierOptions();

  @Option(
      names = "--format",
      paramLabel = "FMT",
      description =
          "table (default), json (a GetFindings response), jsonl (one finding a line), sarif (SARIF 2.1.0), "
              + "asff (a Security Hub BatchImportFindings body) or eventbridge (one EventBridge event a line).")
  String format = "table";

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Where findings go; default standard output.")
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
      description =
          "The bucket name findings report for a local root; default: the root directory's own name.")
  String bucketName;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads; default: available processors.")
  Integer threads;

  @Option(
      names = "--fail-on",
      paramLabel = "SEV",
      description =
          "LOW (default), MEDIUM or HIGH: exit 1 when any finding has that severity or higher.")
  String failOn = "LOW";

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description =
          "The account id findings report; default: the S3 credentials' account (STS), else 000000000000.")
  String accountId;

  @Option(
      names = "--region",
      paramLabel = "R",
      description =
          "The S3 region, and the region findings report; default: the AWS region chain, else us-east-1.")
  String region;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description =
          "Record finished objects in FILE; after a crash or kill, the same command resumes where it stopped.")
  Path checkpointFile;

  @Option(
      names = "--backend",
      paramLabel = "B",
      description =
          "local (default): this engine; macie2: run the scan as an Amazon Macie classification job and report its findings; "
              + "both: run both and print the counts that differ per object and identifier (exit 1 when they differ).")
  String backend = "local";

  @Option(
      names = "--macie-endpoint-url",
      paramLabel = "URL",
      description =
          "The Macie endpoint for --backend macie2|both, as in the AWS CLI (e.g. assay serve's).")
  String macieEndpointUrl;

  @Option(
      names = "--cleanup",
      description =
          "With --backend macie2|both: delete the identifiers and allow lists the run created in Macie, and cancel its job if the run fails.")
  boolean cleanup;

  @Option(names = "--quiet", description = "Print only errors on standard error.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail on standard error (libraries' warnings).")
  boolean[] verbose = new boolean[0];

  @Override
  public Integer call() throws IOException {
    OutputFormat fmt = checkedFormat();
    Severity threshold = checkedThreshold();
    checkCommon();
    MacieScan.Backend mode = MacieScan.Backend.parse(backend);
    if (mode == MacieScan.Backend.LOCAL && (macieEndpointUrl != null || cleanup)) {
      throw new UsageException(
          (cleanup ? "--cleanup" : "--macie-endpoint-url")
              + ": applies only with --backend macie2 or both");
    }
    ClassificationJob job = checkedJob();
    if (mode != MacieScan.Backend.LOCAL) {
      MacieScan.targets(targets);
      if (mode == MacieScan.Backend.MACIE2 && (resultsDir != null || checkpointFile != null)) {
        throw new UsageException(
            (resultsDir != null ? "--results-dir" : "--checkpoint")
                + ": not with --backend macie2 (Macie writes discovery results where put-classification-export-configuration says)");
      }
      if (mode == MacieScan.Backend.BOTH && fmt != OutputFormat.TABLE && fmt != OutputFormat.JSON) {
        throw new UsageException(
            "--format: --backend both writes its comparison as table or json, not " + format);
      }
    }
    try (ScanTargets scanTargets = new ScanTargets(s3Settings())) {
      if (mode == MacieScan.Backend.MACIE2) {
        return macie(scanTargets, job, account(scanTargets, job), fmt, threshold);
      }
      Resolved resolved = resolve(scanTargets, job);
      MacieRequest compareWith =
          mode == MacieScan.Backend.BOTH
              ? MacieScan.request(
                  targets,
                  job,
                  jobFile,
                  identifierOptions,
                  resolved.identifiers(),
                  resolved.allowLists(),
                  accountId,
                  cleanup)
              : null;
      return scan(
          resolved.sources(),
          resolved.identifiers(),
          resolved.allowLists(),
          resolved.accountId(),
          resolved.region(),
          fmt,
          threshold,
          compareWith);
    }
  }

  OutputFormat checkedFormat() {
    OutputFormat fmt = OutputFormat.parse(format);
    if (fmt == null) {
      throw new UsageException(
          "--format: unknown format '" + format + "'; expected one of " + OutputFormat.names());
    }
    return fmt;
  }

  Severity checkedThreshold() {
    Severity threshold = Severity.parse(failOn);
    if (threshold == null) {
      throw new UsageException("--fail-on: expected LOW, MEDIUM or HIGH, got '" + failOn + "'");
    }
    return threshold;
  }

  void checkCommon() {
    if (threads != null && threads < 1) {
      throw new UsageException("--threads: must be at least 1, got " + threads);
    }
    if (accountId != null && !accountId.matches("\\d{12}")) {
      throw new UsageException("--account-id: must be 12 digits, got '" + accountId + "'");
    }
  }

  /** The {@code --job} file, or null; a TARGET or a job is required. */
  ClassificationJob checkedJob() {
    ClassificationJob job =
        jobFile == null ? null : config(() -> ClassificationJobFiles.load(jobFile));
    if (targets.isEmpty() && job == null) {
      throw new UsageException("a TARGET is required (or --job, to scan the job's buckets in S3)");
    }
    return job;
  }

  /**
   * The account findings report: --account-id, else the S3 caller's, else the job's sole account;
   * or null.
   */
  private String account(ScanTargets scanTargets, ClassificationJob job) {
    String account = accountId;
    if (account == null && ScanTargets.needsS3(targets, job)) {
      account = scanTargets.callerAccountId().orElse(null);
    }
    if (account == null && job != null) {
      account = job.soleAccountId().orElse(null);
    }
    return account;
  }

  /**
   * What a local scan's arguments resolve to.
   *
   * @param accountId the account findings report (the placeholder when none is known)
   * @param region the region findings report
   */
  record Resolved(
      List<ObjectSource> sources,
      List<DataIdentifier> identifiers,
      List<AllowList> allowLists,
      String accountId,
      String region) {}

  /**
   * Resolves the targets (or the job's buckets) to sources, and the identifiers and allow lists to
   * use.
   */
  Resolved resolve(ScanTargets scanTargets, ClassificationJob job) {
    String account = account(scanTargets, job);
    List<ObjectSource> sources;
    try {
      sources = config(() -> scanTargets.resolve(targets, job, exportRoot, bucketName, account));
    } catch (UncheckedIOException e) {
      throw new UsageException(
          e.getCause() instanceof NoSuchFileException n
              ? n.getFile() + ": no such file or directory"
              : e.getCause().getMessage());
    }
    String reportRegion =
        region != null ? region : scanTargets.usesS3() ? scanTargets.s3().region() : "us-east-1";
    List<DataIdentifier> identifiers = identifierOptions.identifiers(job);
    List<AllowList> allowLists =
        identifierOptions.loadAllowLists(
            bucketAndKey -> scanTargets.readWordsList(bucketAndKey[0], bucketAndKey[1]), job);
    return new Resolved(
        sources,
        identifiers,
        allowLists,
        ScanContext.accountIdOf(
            account == null ? ScanContext.PLACEHOLDER_ACCOUNT : account, Optional::empty),
        reportRegion);
  }

  private Integer scan(
      List<ObjectSource> sources,
      List<DataIdentifier> identifiers,
      List<AllowList> allowLists,
      String accountId,
      String region,
      OutputFormat fmt,
      Severity threshold,
      MacieRequest compareWith)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    warmUp(fmt);
    Detector detector = Detector.of(identifiers, allowLists);
    if (output != null && output.getParent() != null && !Files.isDirectory(output.getParent())) {
      throw new UsageException("--output: no such directory: " + output.getParent());
    }
    if (resultsDir != null && Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
      throw new UsageException("--results-dir: not a directory: " + resultsDir);
    }
    // SARIF names local objects relative to their root directory.
    Map<String, String> roots = new HashMap<>();
    for (String target : targets) {
      Path path = Path.of(target);
      if (!target.startsWith("s3://") && Files.exists(path)) {
        roots.put(
            bucketName != null ? bucketName : LocalSource.of(path, null).bucket(), rootUri(path));
      }
    }
    ScanSession.Builder session =
        ScanSession.builder(detector, sources)
            .reportAs(accountId, partitionOf(region), region)
            .resultsDir(resultsDir)
            .keepFindings()
            .onResult(
                result -> {
                  if (result.hasProblem()) {
                    reportProblem(err, result);
                  }
                });
    if (threads != null) {
      session.threads(threads);
    }
    if (checkpointFile != null) {
      String extra = "bucket " + bucketName + "\n" + accountId + " " + region;
      session.checkpoint(
          checkpointFile, ScanSession.fingerprint(sources, identifiers, detector, extra));
    }
    ScanProgress progress = new ScanProgress();
    session.progress(progress);
    ProgressDisplay display =
        ProgressDisplay.wanted(quiet) ? new ProgressDisplay(progress, err) : null;
    ScanSession.Outcome outcome;
    try {
      outcome = session.build().run();
    } catch (Checkpoint.MismatchException e) {
      throw new UsageException("--checkpoint: " + e.getMessage());
    } finally {
      if (display != null) {
        display.close();
      }
    }
    if (outcome.resumedObjects() > 0 && !quiet) {
      err.println(
          "assay scan: resumed from "
              + checkpointFile
              + ": "
              + outcome.resumedObjects()
              + " object(s) were finished before");
    }
    FindingSpool findings = outcome.findings();
    ScanReport report = outcome.report(roots);
    boolean failing = findings.anyAtLeast(threshold.score());
    if (findings.problem() != null) {
      err.println("assay scan: warning: " + findings.problem());
    }
    int comparison = -1;
    try {
      if (compareWith == null) {
        write(fmt, report);
      } else {
        FindingComparison compared =
            FindingComparison.of(report.findings(), runOnMacie(compareWith).findings());
        writeOut(out -> MacieScan.write(compared, fmt, verbose.length > 0, out));
        comparison = compared.differences().isEmpty() ? ExitCode.OK.code : ExitCode.FINDINGS.code;
      }
    } finally {
      findings.close();
    }
    for (String failure : outcome.sourceFailures()) {
      // A listing that broke off midway: what was listed is reported, the rest is not hidden.
      err.println("assay scan: " + failure);
    }
    long problems = outcome.summary().objectsWithProblems();
    if (problems > 0 && !quiet) {
      err.println("assay scan: " + problems + " object(s) could not be fully read or analysed");
    }
    if (!outcome.complete()) {
      return ExitCode.INCOMPLETE.code;
    }
    if (comparison >= 0) {
      return comparison;
    }
    return failing ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  /**
   * {@code --backend macie2}: the scan as a Macie job, its findings written as the local engine's
   * are.
   */
  private Integer macie(
      ScanTargets scanTargets,
      ClassificationJob job,
      String account,
      OutputFormat fmt,
      Severity threshold)
      throws IOException {
    List<DataIdentifier> identifiers = identifierOptions.identifiers(job);
    List<AllowList> allowLists =
        identifierOptions.loadAllowLists(
            bucketAndKey -> scanTargets.readWordsList(bucketAndKey[0], bucketAndKey[1]), job);
    MacieRequest request =
        MacieScan.request(
            targets, job, jobFile, identifierOptions, identifiers, allowLists, account, cleanup);
    if (output != null && output.getParent() != null && !Files.isDirectory(output.getParent())) {
      throw new UsageException("--output: no such directory: " + output.getParent());
    }
    MacieBackend.Run run = runOnMacie(request);
    Map<String, String> roots = new HashMap<>();
    for (MacieRequest.Target t : request.targets()) {
      roots.put(t.bucket(), "s3://" + t.bucket() + "/");
    }
    write(fmt, new ScanReport(run.findings(), -1, 0, 0, run.elapsed(), roots));
    boolean failing =
        run.findings().stream()
            .anyMatch(
                f ->
                    f.severity() != null
                        && f.severity().score() != null
                        && f.severity().score() >= threshold.score());
    return failing ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  /**
   * Runs {@code request} on Macie; its refusals become usage errors (exit 2), a job that did not
   * complete exit 3.
   */
  private MacieBackend.Run runOnMacie(MacieRequest request) {
    PrintWriter err = spec.commandLine().getErr();
    S3Settings settings = s3Settings(macieEndpointUrl, region, profile, "--macie-endpoint-url");
    try (MacieBackend macie = MacieBackend.connect(settings)) {
      return macie.run(
          request,
          line -> {
            if (!quiet || line.startsWith("warning:")) {
              err.println("assay scan: " + line);
              err.flush();
            }
          });
    } catch (MacieException e) {
      throw e.jobRan()
          ? new IncompleteException(e.getMessage())
          : new UsageException(e.getMessage());
    }
  }

  /** Something that writes to the output. */
  private interface OutputStep {
    void write(Writer out) throws IOException;
  }

  private void writeOut(OutputStep step) throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      step.write(out);
      out.flush();
      return;
    }
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
      step.write(out);
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
                fmt.writer()
                    .write(new ScanReport(List.of(), 0, 0, 0, Duration.ZERO), Writer.nullWriter());
                FindingWriter.JSON.writerFor(Finding.class);
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
    writeOut(out -> writer.write(report, out));
  }

  /**
   * The URI of what a local target is scanned as a bucket: the directory, or a file's directory.
   */
  private static String rootUri(Path target) {
    Path p = target.toAbsolutePath().normalize();
    return (Files.isDirectory(p) ? p : p.getParent()).toUri().toString();
  }

  /** S3 access as the AWS CLI options give it. */
  S3Settings s3Settings() {
    return s3Settings(endpointUrl, region, profile, "--endpoint-url");
  }

  /**
   * S3 access from an endpoint URL (or null), region and profile; {@code option} names the URL's
   * option in messages.
   */
  static S3Settings s3Settings(String endpointUrl, String region, String profile, String option) {
    S3Settings settings = S3Settings.defaults().withRegion(region).withProfile(profile);
    if (endpointUrl == null) {
      return settings;
    }
    URI endpoint;
    try {
      endpoint = new URI(endpointUrl);
    } catch (URISyntaxException e) {
      throw new UsageException(option + ": not a URL: " + endpointUrl);
    }
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
        || endpoint.getHost() == null) {
      throw new UsageException(
          option + ": expected http://host[:port] or https://host[:port], got " + endpointUrl);
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
    err.println("assay scan: " + r.problemDescription());
  }

  static String partitionOf(String region) {
    String r = region.toLowerCase(Locale.ROOT);
    if (r.startsWith("cn-")) {
      return "aws-cn";
    }
    return r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
