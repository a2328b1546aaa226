package dev.assay.engine.report;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Facts of one scan that every finding repeats: the account, partition and region it reports, and
 * the job it belongs to (a local scan is reported as a one-time classification job with its own
 * id).
 *
 * @param accountId the 12-digit account id; {@link #PLACEHOLDER_ACCOUNT} when not known
 * @param partition the partition, such as {@code aws}
 * @param region the region, such as {@code us-east-1}
 * @param jobId the job id: 32 lowercase hex digits
 * @param detailedResultsLocation what findings report as {@code detailedResultsLocation} when no
 *     discovery results are written; null for {@link #unconfiguredResultsLocation()}
 */
public record ScanContext(
    String accountId,
    String partition,
    String region,
    String jobId,
    String detailedResultsLocation) {

  /** The account id reported when none is given and no AWS identity is known. */
  public static final String PLACEHOLDER_ACCOUNT = "000000000000";

  public ScanContext {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(jobId, "jobId");
  }

  /** The bucket part Macie writes in a results location when no export configuration exists. */
  static final String EXPORT_CONFIG_NOT_SET = "[export-config-not-set]";

  /**
   * The account id to report: the one given, else the AWS identity in use (for S3 targets, the
   * caller's account from the credentials), else {@link #PLACEHOLDER_ACCOUNT}.
   *
   * @param given the account id the user gave ({@code --account-id}), or null
   * @param awsIdentity the account of the AWS credentials in use; called only when {@code given} is
   *     null, and empty when no AWS credentials are in use (local targets)
   */
  public static String accountIdOf(String given, Supplier<Optional<String>> awsIdentity) {
    if (given != null) {
      return given;
    }
    return awsIdentity.get().orElse(PLACEHOLDER_ACCOUNT);
  }

  /** A context with a new job id. */
  public static ScanContext newJob(String accountId, String partition, String region) {
    return new ScanContext(accountId, partition, region, FindingFactory.newId(), null);
  }

  /**
   * The {@code detailedResultsLocation} findings report when no discovery results are written.
   * Macie then writes the results path it would have used with the bucket part literally {@code
   * [export-config-not-set]}: {@code s3://[export-config-not-set]/AWSLogs/<account>/Macie/<region>/
   * <jobId>/<account>/<uuid>.jsonl.gz}. The uuid is derived from the job id, so one scan reports
   * one location and a rerun with the same job id the same one.
   */
  public String unconfiguredResultsLocation() {
    if (detailedResultsLocation != null) {
      return detailedResultsLocation;
    }
    UUID file = UUID.nameUUIDFromBytes(jobId.getBytes(StandardCharsets.UTF_8));
    return "s3://" + EXPORT_CONFIG_NOT_SET + "/" + resultsPrefix() + file + ".jsonl.gz";
  }

  /**
   * The key prefix of the discovery results of this job, as Macie lays them out below the results
   * bucket (and optional key prefix): {@code AWSLogs/<account>/Macie/<region>/<jobId>/<account>/}.
   * The second account is the affected resource's account, the same one here.
   */
  public String resultsPrefix() {
    return "AWSLogs/" + accountId + "/Macie/" + region + "/" + jobId + "/" + accountId + "/";
  }

  public String jobArn() {
    return "arn:"
        + partition
        + ":macie2:"
        + region
        + ":"
        + accountId
        + ":classification-job/"
        + jobId;
  }
}
