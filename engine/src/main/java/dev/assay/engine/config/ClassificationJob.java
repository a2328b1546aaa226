package dev.assay.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classification job, as a CreateClassificationJob request body defines it
 * (CreateClassificationJob's rules), validated by {@link ClassificationJobFiles}. Exactly one of
 * {@code bucketDefinitions} and {@code bucketCriteria} is set. Immutable.
 *
 * @param file the file it was read from, for messages
 * @param name the job's name; also what sampling hashes
 * @param description the description, or null
 * @param jobType ONE_TIME or SCHEDULED (a scheduled job is run once, as one run of it)
 * @param samplingPercentage 1 to 100
 * @param managedDataIdentifierSelector ALL, EXCLUDE, INCLUDE, NONE or RECOMMENDED; null when the
 *     file leaves it out (Macie then uses RECOMMENDED)
 * @param managedDataIdentifierIds the ids for INCLUDE or EXCLUDE
 * @param customDataIdentifierIds ids (or names) of custom data identifiers
 * @param allowListIds ids (or names) of allow lists
 * @param bucketDefinitions account id to bucket names, in file order; empty with bucketCriteria
 * @param bucketCriteria the bucket criteria, or null with bucketDefinitions
 * @param scope the object scoping and sampling
 */
public record ClassificationJob(
    String file,
    String name,
    String description,
    JobType jobType,
    int samplingPercentage,
    String managedDataIdentifierSelector,
    List<String> managedDataIdentifierIds,
    List<String> customDataIdentifierIds,
    List<String> allowListIds,
    Map<String, List<String>> bucketDefinitions,
    BucketCriteria bucketCriteria,
    JobScope scope) {

  public ClassificationJob {
    managedDataIdentifierIds = List.copyOf(managedDataIdentifierIds);
    customDataIdentifierIds = List.copyOf(customDataIdentifierIds);
    allowListIds = List.copyOf(allowListIds);
  }

  /** {@code jobType}. */
  public enum JobType {
    ONE_TIME,
    SCHEDULED
  }

  /**
   * The account all of {@code bucketDefinitions}' buckets belong to, when there is exactly one:
   * what findings report when neither {@code --account-id} nor STS gives the account.
   */
  public Optional<String> soleAccountId() {
    return bucketDefinitions.size() == 1
        ? Optional.of(bucketDefinitions.keySet().iterator().next())
        : Optional.empty();
  }

  /** The buckets of {@code bucketDefinitions}, in file order, each once. */
  public List<String> definedBuckets() {
    return bucketDefinitions.values().stream().flatMap(List::stream).distinct().toList();
  }
}
