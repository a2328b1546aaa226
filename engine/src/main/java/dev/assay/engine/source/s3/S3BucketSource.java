package dev.assay.engine.source.s3;

import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ObjectUnavailableException;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.SourceUnavailableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket, or the keys under a prefix, listed with paged ListObjectsV2 (S3 returns keys in UTF-8
 * binary order, which is the order objects are enumerated in). For each object in scope it reads
 * the metadata Macie reports (HeadObject: encryption, version; GetObjectTagging: tags) on the
 * enumerating thread; the bytes are streamed by GetObject only when a worker opens the content,
 * with {@code If-Match} on the listed ETag so that an object changed since it was listed is
 * reported as OBJECT_VERSION_MISMATCH rather than analysed half-old, half-new.
 *
 * <p>Thread-safe: each enumeration and each opened stream is independent.
 */
final class S3BucketSource implements ObjectSource {
  /**
   * Storage classes Macie analyses (the storage classes Macie analyses): Standard, Standard-IA, One
   * Zone-IA, Intelligent-Tiering, Glacier Instant Retrieval and Reduced Redundancy. Others (Glacier
   * Flexible Retrieval, Deep Archive, Express One Zone, ...) are reported SKIPPED with
   * INVALID_OBJECT_STATE, not fetched.
   */
  static final Set<String> ANALYSED_STORAGE_CLASSES =
      Set.of(
          "STANDARD",
          "STANDARD_IA",
          "ONEZONE_IA",
          "INTELLIGENT_TIERING",
          "GLACIER_IR",
          "REDUCED_REDUNDANCY");

  private final S3Access access;
  private final String bucket;
  private final String prefix;
  private final ObjectScope scope;
  private final BucketFacts facts;

  S3BucketSource(
      S3Access access, String bucket, String prefix, ObjectScope scope, BucketFacts facts) {
    this.access = access;
    this.bucket = bucket;
    this.prefix = prefix;
    this.scope = scope;
    this.facts = facts;
  }

  @Override
  public String describe() {
    return "s3://" + bucket + "/" + prefix;
  }

  @Override
  public void enumerate(Consumer<ScanObject> sink) throws IOException {
    S3Client s3 = access.client();
    long listed = 0;
    try {
      var pages =
          s3.listObjectsV2Paginator(
              r ->
                  r.bucket(bucket)
                      .prefix(prefix.isEmpty() ? null : prefix)
                      .maxKeys(access.settings().pageSize()));
      for (var page : pages) {
        for (S3Object o : page.contents()) {
          listed++;
          // A zero-byte key ending in '/' is the console's folder marker, not an object with
          // content;
          // `aws s3 sync` leaves no file for it either.
          if (o.key().endsWith("/") && o.size() != null && o.size() == 0) {
            continue;
          }
          ScanObject object = inScope(s3, o);
          if (object != null) {
            sink.accept(object);
          }
        }
      }
    } catch (SdkException e) {
      throw new SourceUnavailableException(
          describe()
              + ": listing failed after "
              + listed
              + " object(s): "
              + S3Errors.describe(e, access.endpointDescription()),
          e);
    }
  }

  /** The object as scanned, or null when the scope leaves it out. */
  private ScanObject inScope(S3Client s3, S3Object o) {
    String key = o.key();
    String eTag = o.eTag();
    String storageClass = o.storageClassAsString();
    long size = o.size() == null ? -1 : o.size();
    ScanObject.ObjectMetadata listedMetadata =
        new ScanObject.ObjectMetadata(unquote(eTag), storageClass, null, null, null, null);
    ScanObject candidate =
        new ScanObject(bucket, key, size, o.lastModified(), listedMetadata, null, null, facts);
    List<ScanObject.Tag> tags = null;
    String taggedVersion = null;
    if (scope.needsTags()) {
      TagsAndVersion t = tags(s3, key);
      tags = t.tags();
      taggedVersion = t.versionId();
      candidate =
          withMetadata(
              candidate,
              new ScanObject.ObjectMetadata(unquote(eTag), storageClass, null, null, null, tags),
              null,
              null);
    }
    if (!scope.includes(candidate)) {
      return null;
    }
    if (storageClass != null && !ANALYSED_STORAGE_CLASSES.contains(storageClass)) {
      return withMetadata(
          candidate,
          candidate.metadata(),
          null,
          new ScanObject.Unavailable(
              "SKIPPED",
              "INVALID_OBJECT_STATE",
              "storage class " + storageClass + " is not analysed by Macie"));
    }
    String path = bucket + "/" + key;
    HeadObjectResponse head;
    try {
      head = s3.headObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      IOException reason = S3Errors.forObject(e, path);
      if (reason instanceof ObjectUnavailableException u) {
        return withMetadata(
            candidate,
            candidate.metadata(),
            null,
            new ScanObject.Unavailable(u.code(), u.reason(), u.getMessage()));
      }
      head = null;
    }
    if (tags == null) {
      TagsAndVersion t = tags(s3, key);
      tags = t.tags();
      taggedVersion = t.versionId();
    }
    String versionId = head != null && head.versionId() != null ? head.versionId() : taggedVersion;
    ScanObject.ObjectMetadata metadata =
        new ScanObject.ObjectMetadata(
            unquote(eTag),
            storageClass,
            versionId,
            head == null ? null : head.serverSideEncryptionAsString(),
            head == null ? null : head.ssekmsKeyId(),
            tags);
    return withMetadata(candidate, metadata, () -> open(access, bucket, key, eTag), null);
  }

  /**
   * GetObject with {@code If-Match} on {@code eTag} (quoted, as listed), its errors mapped to
   * Macie's reasons.
   */
  static InputStream open(S3Access access, String bucket, String key, String eTag)
      throws IOException {
    String path = bucket + "/" + key;
    try {
      InputStream in = access.client().getObject(r -> r.bucket(bucket).key(key).ifMatch(eTag));
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          try {
            return super.read();
          } catch (SdkException e) {
            throw S3Errors.forObject(e, path);
          }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return super.read(b, off, len);
          } catch (SdkException e) {
            throw S3Errors.forObject(e, path);
          }
        }
      };
    } catch (SdkException e) {
      throw S3Errors.forObject(e, path);
    }
  }

  private record TagsAndVersion(List<ScanObject.Tag> tags, String versionId) {}

  /** GetObjectTagging; null tags when they cannot be read (left out of findings, not invented). */
  private TagsAndVersion tags(S3Client s3, String key) {
    try {
      var response = s3.getObjectTagging(r -> r.bucket(bucket).key(key));
      List<ScanObject.Tag> tags = new ArrayList<>();
      response.tagSet().forEach(t -> tags.add(new ScanObject.Tag(t.key(), t.value())));
      return new TagsAndVersion(List.copyOf(tags), response.versionId());
    } catch (SdkException e) {
      return new TagsAndVersion(null, null);
    }
  }

  private static ScanObject withMetadata(
      ScanObject o,
      ScanObject.ObjectMetadata metadata,
      ScanObject.Content content,
      ScanObject.Unavailable unavailable) {
    return new ScanObject(
        o.bucket(),
        o.key(),
        o.size(),
        o.lastModified(),
        metadata,
        content,
        unavailable,
        o.bucketFacts());
  }

  /** S3 quotes ETags on the wire; Macie's findings give them bare. */
  static String unquote(String eTag) {
    if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
      return eTag.substring(1, eTag.length() - 1);
    }
    return eTag;
  }
}
