package dev.assay.engine.report;

import java.util.Objects;

/**
 * Facts of one scan that every finding repeats: the account, partition and region it reports, and
 * the job it belongs to (a local scan is reported as a one-time classification job with its own
 * id).
 *
 * @param accountId the 12-digit account id; {@link #PLACEHOLDER_ACCOUNT} when not known
 * @param partition the partition, such as {@code aws}
 * @param region the region, such as {@code us-east-1}
 * @param jobId the job id: 32 lowercase hex digits
 * @param detailedResultsLocation where the discovery results go, or null
 */
public record ScanContext(String accountId, String partition, String region, String jobId, String detailedResultsLocation) {

  /** The account id reported when none is given and no AWS identity is known. */
  public static final String PLACEHOLDER_ACCOUNT = "000000000000";

  public ScanContext {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(jobId, "jobId");
  }

  /** A context with a new job id. */
  public static ScanContext newJob(String accountId, String partition, String region) {
    return new ScanContext(accountId, partition, region, FindingFactory.newId(), null);
  }

  public String jobArn() {
    return "arn:" + partition + ":macie2:" + region + ":" + accountId + ":classification-job/" + jobId;
  }
}
