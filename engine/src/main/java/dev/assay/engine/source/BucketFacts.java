package dev.assay.engine.source;

import java.time.Instant;
import java.util.List;

/**
 * What S3 says about a bucket, as far as the caller may read it; each member is null when it could
 * not be read (Macie too reports unknown bucket metadata as null). Immutable.
 *
 * @param createdAt when the bucket was created
 * @param ownerId the owner's canonical user id
 * @param ownerDisplayName the owner's display name
 * @param encryptionType the default encryption, such as AES256 or aws:kms
 * @param kmsMasterKeyId the default encryption's KMS key
 * @param publicAccessBlock the bucket's block public access settings
 * @param tags the bucket's tags
 */
public record BucketFacts(
    Instant createdAt,
    String ownerId,
    String ownerDisplayName,
    String encryptionType,
    String kmsMasterKeyId,
    PublicAccessBlock publicAccessBlock,
    List<ScanObject.Tag> tags) {

  /** Nothing known. */
  public static final BucketFacts UNKNOWN =
      new BucketFacts(null, null, null, null, null, null, null);

  public BucketFacts {
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** A bucket's block public access settings (PutPublicAccessBlock's four flags). */
  public record PublicAccessBlock(
      boolean blockPublicAcls,
      boolean blockPublicPolicy,
      boolean ignorePublicAcls,
      boolean restrictPublicBuckets) {}
}
