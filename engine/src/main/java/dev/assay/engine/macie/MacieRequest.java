package dev.assay.engine.macie;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What to run on Amazon Macie: a classification job's scope and the identifiers and allow lists it
 * uses, as the request bodies a user wrote for Macie. Immutable (the JSON nodes are not copied; the
 * caller must not change them).
 *
 * @param job a CreateClassificationJob body (the {@code --job} file), or null to build one from
 *     {@code targets}
 * @param jobFile the job body's file, for messages; null without a job
 * @param targets buckets and key prefixes to scan; with a job they replace its buckets and narrow
 *     its scoping, as they do for the local engine. At least one without a job
 * @param accountId the buckets' account for the job's {@code bucketDefinitions}; null to ask Macie
 *     (DescribeBuckets)
 * @param managedDataIdentifierSelector the selector when the job gives none, or null (Macie then
 *     uses RECOMMENDED)
 * @param managedDataIdentifierIds the ids for INCLUDE or EXCLUDE
 * @param customDataIdentifiers CreateCustomDataIdentifier bodies: all are created (or reused by
 *     name) and all are used by the job
 * @param allowLists CreateAllowList bodies, likewise
 * @param cleanup delete what the run created (identifiers, allow lists) when it ends, and cancel
 *     the job when the run fails while it is running
 */
public record MacieRequest(
    JsonNode job,
    String jobFile,
    List<Target> targets,
    String accountId,
    String managedDataIdentifierSelector,
    List<String> managedDataIdentifierIds,
    List<Body> customDataIdentifiers,
    List<Body> allowLists,
    boolean cleanup) {

  public MacieRequest {
    targets = List.copyOf(targets);
    managedDataIdentifierIds = List.copyOf(managedDataIdentifierIds);
    customDataIdentifiers = List.copyOf(customDataIdentifiers);
    allowLists = List.copyOf(allowLists);
    if (job == null && targets.isEmpty()) {
      throw new IllegalArgumentException("a job or at least one target is required");
    }
  }

  /**
   * A bucket and a key prefix ({@code ""} for the whole bucket), as {@code s3://bucket/prefix}
   * gives them.
   */
  public record Target(String bucket, String prefix) {
    public Target {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(prefix, "prefix");
    }
  }

  /** A request body and the file it came from, for messages. */
  public record Body(String file, JsonNode json) {
    /** The body's {@code name}, by which Macie's existing resources are reused. */
    public String name() {
      return json.path("name").asText();
    }
  }
}
