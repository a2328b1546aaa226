package dev.assay.cli;

import dev.assay.engine.config.ClassificationJob;
import dev.assay.engine.config.ScanTargets;
import dev.assay.engine.report.OutputFormat;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.s3.S3Settings;
import dev.assay.identifiers.AllowList;
import dev.assay.identifiers.DataIdentifier;
import dev.assay.identifiers.Severity;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * What {@code assay scan}'s arguments resolve to, for front ends that run the scan themselves (the
 * Spark runner): the sources of the targets or the job, the identifiers and allow lists, the
 * account and region findings report, and the output options. The arguments are those of {@code
 * assay scan} and are checked as it checks them.
 *
 * <p>Owns the S3 client the sources list with: close the plan when the sources are no longer
 * enumerated. Not thread-safe.
 */
public final class ScanPlan implements AutoCloseable {
  private final ScanCommand command;
  private final ScanTargets scanTargets;
  private final ScanCommand.Resolved resolved;
  private final OutputFormat format;
  private final Severity failOn;

  private ScanPlan(
      ScanCommand command,
      ScanTargets scanTargets,
      ScanCommand.Resolved resolved,
      OutputFormat format,
      Severity failOn) {
    this.command = command;
    this.scanTargets = scanTargets;
    this.resolved = resolved;
    this.format = format;
    this.failOn = failOn;
  }

  /**
   * Thrown for arguments {@code assay scan} would refuse with exit 2; the message names the option
   * or file.
   */
  public static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Parses and resolves {@code assay scan} arguments. {@code --backend}, {@code --checkpoint} and
   * {@code --output} are the caller's to refuse or reinterpret.
   */
  public static ScanPlan of(String... args) throws InvalidException {
    ScanCommand command = new ScanCommand();
    try {
      new CommandLine(command).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new InvalidException(e.getMessage(), e);
    }
    ScanTargets scanTargets = null;
    try {
      OutputFormat format = command.checkedFormat();
      Severity failOn = command.checkedThreshold();
      command.checkCommon();
      ClassificationJob job = command.checkedJob();
      scanTargets = new ScanTargets(command.s3Settings());
      ScanCommand.Resolved resolved = command.resolve(scanTargets, job);
      return new ScanPlan(command, scanTargets, resolved, format, failOn);
    } catch (UsageException e) {
      if (scanTargets != null) {
        scanTargets.close();
      }
      throw new InvalidException(e.getMessage(), e);
    }
  }

  /** The sources, in the order {@code assay scan} enumerates them. */
  public List<ObjectSource> sources() {
    return resolved.sources();
  }

  public List<DataIdentifier> identifiers() {
    return resolved.identifiers();
  }

  public List<AllowList> allowLists() {
    return resolved.allowLists();
  }

  /** The account findings report: {@code --account-id}, the S3 caller's, or the placeholder. */
  public String accountId() {
    return resolved.accountId();
  }

  /** The region findings report. */
  public String region() {
    return resolved.region();
  }

  /** The partition of {@link #region()}: aws, aws-cn or aws-us-gov. */
  public String partition() {
    return ScanCommand.partitionOf(resolved.region());
  }

  /** S3 access as {@code --endpoint-url}, {@code --region} and {@code --profile} give it. */
  public S3Settings s3Settings() {
    return command.s3Settings();
  }

  public OutputFormat format() {
    return format;
  }

  public Severity failOn() {
    return failOn;
  }

  /** {@code --output}, or null. */
  public Path output() {
    return command.output;
  }

  /** {@code --results-dir}, or null. */
  public Path resultsDir() {
    return command.resultsDir;
  }

  /** {@code --threads}, or null. */
  public Integer threads() {
    return command.threads;
  }

  /** {@code --checkpoint}, or null. */
  public Path checkpoint() {
    return command.checkpointFile;
  }

  /** {@code --backend} as given (default {@code local}). */
  public String backend() {
    return command.backend;
  }

  public boolean quiet() {
    return command.quiet;
  }

  @Override
  public void close() {
    scanTargets.close();
  }
}
