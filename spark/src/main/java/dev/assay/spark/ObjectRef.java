package dev.assay.spark;

import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ScanObject;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An object the driver listed, as plain values an executor can open it from: a local (or shared
 * storage) file below {@code root}, or an S3 object read with GetObject by the executor itself.
 *
 * @param root the directory a file's key is relative to; null for an S3 object
 * @param size bytes, or -1 when unknown
 * @param lastModified epoch milliseconds, or null
 * @param tags key, value, key, value, ...; null when unknown
 * @param unavailable Macie's status code, reason and a message, when the object cannot be read;
 *     else null
 */
record ObjectRef(
    String root,
    String bucket,
    String key,
    long size,
    Long lastModified,
    String eTag,
    String storageClass,
    String versionId,
    String serverSideEncryption,
    String kmsKeyId,
    List<String> tags,
    List<String> unavailable,
    Facts facts)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@link BucketFacts} as plain values. */
  record Facts(
      Long createdAt,
      String ownerId,
      String ownerDisplayName,
      String encryptionType,
      String kmsMasterKeyId,
      boolean[] publicAccessBlock,
      List<String> tags)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static Facts of(BucketFacts f) {
      BucketFacts.PublicAccessBlock b = f.publicAccessBlock();
      return new Facts(
          f.createdAt() == null ? null : f.createdAt().toEpochMilli(),
          f.ownerId(),
          f.ownerDisplayName(),
          f.encryptionType(),
          f.kmsMasterKeyId(),
          b == null
              ? null
              : new boolean[] {
                b.blockPublicAcls(),
                b.blockPublicPolicy(),
                b.ignorePublicAcls(),
                b.restrictPublicBuckets()
              },
          flatten(f.tags()));
    }

    BucketFacts toFacts() {
      boolean[] b = publicAccessBlock;
      return new BucketFacts(
          createdAt == null ? null : Instant.ofEpochMilli(createdAt),
          ownerId,
          ownerDisplayName,
          encryptionType,
          kmsMasterKeyId,
          b == null ? null : new BucketFacts.PublicAccessBlock(b[0], b[1], b[2], b[3]),
          unflatten(tags));
    }
  }

  /**
   * The reference to {@code o}, listed from the local directory {@code root}, or from S3 when root
   * is null.
   */
  static ObjectRef of(ScanObject o, Path root) {
    ScanObject.ObjectMetadata m = o.metadata();
    ScanObject.Unavailable u = o.unavailable();
    return new ObjectRef(
        root == null ? null : root.toString(),
        o.bucket(),
        o.key(),
        o.size(),
        o.lastModified() == null ? null : o.lastModified().toEpochMilli(),
        m.eTag(),
        m.storageClass(),
        m.versionId(),
        m.serverSideEncryption(),
        m.kmsKeyId(),
        flatten(m.tags()),
        u == null ? null : List.of(u.code(), u.reason(), u.message() == null ? "" : u.message()),
        Facts.of(o.bucketFacts()));
  }

  /** The object to scan, its content opened here: from the file, or from S3 through {@code s3}. */
  ScanObject open(S3Spec s3) {
    ScanObject.Unavailable u =
        unavailable == null
            ? null
            : new ScanObject.Unavailable(
                unavailable.get(0), unavailable.get(1), unavailable.get(2));
    ScanObject.Content content = null;
    if (u == null) {
      if (root != null) {
        Path file = Path.of(root).resolve(key.replace("/", File.separator));
        content = () -> Files.newInputStream(file);
      } else {
        content = s3.access().content(bucket, key, eTag);
      }
    }
    return new ScanObject(
        bucket,
        key,
        size,
        lastModified == null ? null : Instant.ofEpochMilli(lastModified),
        new ScanObject.ObjectMetadata(
            eTag, storageClass, versionId, serverSideEncryption, kmsKeyId, unflatten(tags)),
        content,
        u,
        facts == null ? BucketFacts.UNKNOWN : facts.toFacts());
  }

  /**
   * Bytes this object weighs when partitions are balanced: its size, at least 1 KB for the
   * per-object cost.
   */
  long weight() {
    return Math.max(1024, size);
  }

  private static List<String> flatten(List<ScanObject.Tag> tags) {
    if (tags == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (ScanObject.Tag t : tags) {
      out.add(t.key());
      out.add(t.value());
    }
    return List.copyOf(out);
  }

  private static List<ScanObject.Tag> unflatten(List<String> tags) {
    if (tags == null) {
      return null;
    }
    List<ScanObject.Tag> out = new ArrayList<>();
    for (int i = 0; i + 1 < tags.size(); i += 2) {
      out.add(new ScanObject.Tag(tags.get(i), tags.get(i + 1)));
    }
    return out;
  }
}
