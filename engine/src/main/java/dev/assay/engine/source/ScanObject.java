package dev.assay.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One object to scan, named as S3 names it: a bucket and a key. Local files are reported as if
 * their scanned root were a bucket.
 *
 * @param bucket the bucket name
 * @param key the key, with {@code /} separators
 * @param size the size in bytes, or -1 if unknown
 * @param lastModified the last modification time, or null
 * @param metadata what else S3 (or the file system) says about it; never null
 * @param content opens the object's bytes; null when {@code unavailable} is set
 * @param unavailable why the object cannot be read at all (e.g. PERMISSION_DENIED), or null
 * @param bucketFacts what is known of the bucket; never null
 */
public record ScanObject(
    String bucket,
    String key,
    long size,
    Instant lastModified,
    ObjectMetadata metadata,
    Content content,
    Unavailable unavailable,
    BucketFacts bucketFacts) {

  public ScanObject {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    metadata = metadata == null ? ObjectMetadata.NONE : metadata;
    bucketFacts = bucketFacts == null ? BucketFacts.UNKNOWN : bucketFacts;
  }

  /** An object of a bucket of which nothing is known (a local root). */
  public ScanObject(
      String bucket,
      String key,
      long size,
      Instant lastModified,
      ObjectMetadata metadata,
      Content content,
      Unavailable unavailable) {
    this(bucket, key, size, lastModified, metadata, content, unavailable, BucketFacts.UNKNOWN);
  }

  /**
   * Opens an object's bytes afresh; each call returns a new stream that the caller closes. Throws
   * {@link ObjectUnavailableException} when the source knows Macie's reason for not reading it.
   */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /** Why an object could not be read: Macie's status code and reason, and a message for people. */
  public record Unavailable(String code, String reason, String message) {}

  /**
   * S3 facts about an object, each null when unknown.
   *
   * @param eTag the entity tag
   * @param storageClass the storage class, such as STANDARD
   * @param versionId the version id
   * @param serverSideEncryption the encryption type, such as AES256 or aws:kms
   * @param kmsKeyId the KMS key, or null
   * @param tags the object's tags, in order
   */
  public record ObjectMetadata(
      String eTag,
      String storageClass,
      String versionId,
      String serverSideEncryption,
      String kmsKeyId,
      List<Tag> tags) {
    public static final ObjectMetadata NONE =
        new ObjectMetadata(null, null, null, null, null, null);
  }

  /** A key-value tag. */
  public record Tag(String key, String value) {}

  /** The file name part of the key: what follows its last {@code /}. */
  public String fileName() {
    int slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }

  /** The extension as Macie reports it: without the dot, empty when there is none. */
  public String extension() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
  }
}
