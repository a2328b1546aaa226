package dev.assay.engine.source.s3;

import dev.assay.engine.source.BucketFacts;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.SourceUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A connection to S3 (or an S3-compatible endpoint) through the AWS SDK v2: the only place the SDK
 * is used. It resolves credentials and region as the AWS CLI does, uses the small url-connection
 * HTTP client, and the SDK's standard retry mode (exponential backoff with jitter on throttling and
 * 5xx answers, 3 attempts).
 *
 * <p>Thread-safe: the underlying client is shared. It starts no threads of its own; requests run on
 * the caller's thread, so the number of concurrent GetObject requests is bounded by the scanner's
 * worker threads ({@code --threads}) and listing is sequential. Close it after the scan.
 */
public final class S3Access implements AutoCloseable {
  private final S3Settings settings;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private final S3Client s3;
  private final Map<String, Optional<Instant>> createdAt = new ConcurrentHashMap<>();
  private volatile List<Bucket> listedBuckets;

  private S3Access(S3Settings settings) {
    this.settings = settings;
    this.region = settings.resolvedRegion();
    this.credentials = settings.credentialsProvider();
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    var builder =
        S3Client.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(credentials)
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
    if (settings.endpoint() != null) {
      // S3-compatible servers (and loopback test servers) seldom resolve bucket subdomains.
      builder.endpointOverride(settings.endpoint()).forcePathStyle(true);
    } else {
      builder.crossRegionAccessEnabled(true);
    }
    this.s3 = builder.build();
  }

  /** Connects; no request is made until a bucket is opened. */
  public static S3Access connect(S3Settings settings) {
    return new S3Access(settings);
  }

  /** The region in use: the one given, else the default chain's, else {@code us-east-1}. */
  public String region() {
    return region.id();
  }

  S3Client client() {
    return s3;
  }

  S3Settings settings() {
    return settings;
  }

  String endpointDescription() {
    return settings.endpoint() != null
        ? settings.endpoint().toString()
        : "the AWS endpoint of " + region.id();
  }

  /**
   * A bucket (or the keys under {@code prefix}) as a source. The bucket is checked here, with one
   * ListObjectsV2 request, so that a missing bucket, denied access, invalid or expired credentials
   * and an unreachable endpoint stop the scan before it starts.
   *
   * @param prefix a key prefix, or empty for the whole bucket
   * @param scope which objects are in scope; evaluated before tags and metadata are fetched
   * @throws SourceUnavailableException when the bucket cannot be listed
   */
  public ObjectSource bucket(String bucket, String prefix, ObjectScope scope)
      throws SourceUnavailableException {
    String where = "s3://" + bucket + "/" + (prefix == null ? "" : prefix);
    try {
      s3.listObjectsV2(
          r ->
              r.bucket(bucket)
                  .prefix(prefix == null || prefix.isEmpty() ? null : prefix)
                  .maxKeys(1));
    } catch (SdkException e) {
      throw new SourceUnavailableException(
          where + ": " + S3Errors.describe(e, endpointDescription()), e);
    }
    return new S3BucketSource(
        this, bucket, prefix == null ? "" : prefix, scope, bucketFacts(bucket));
  }

  /**
   * The names of the buckets the caller owns (ListBuckets), in name order.
   *
   * @throws SourceUnavailableException when they cannot be listed
   */
  /**
   * Opens an object listed earlier, possibly by another process (a Spark driver): GetObject with
   * {@code If-Match} on the ETag it was listed with, so that an object changed since is reported as
   * OBJECT_VERSION_MISMATCH. Errors are mapped as for the objects {@link #bucket} enumerates.
   *
   * @param eTag the ETag as listed, quoted or bare; null to read whatever is there
   */
  public ScanObject.Content content(String bucket, String key, String eTag) {
    String quoted = eTag == null || eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    return () -> S3BucketSource.open(this, bucket, key, quoted);
  }

  public List<String> listBuckets() throws SourceUnavailableException {
    List<String> names = new ArrayList<>();
    for (Bucket b : buckets()) {
      names.add(b.name());
    }
    names.sort(null);
    return names;
  }

  private List<Bucket> buckets() throws SourceUnavailableException {
    List<Bucket> listed = listedBuckets;
    if (listed == null) {
      try {
        listed = new ArrayList<>();
        for (var page : s3.listBucketsPaginator(r -> {})) {
          listed.addAll(page.buckets());
        }
      } catch (SdkException e) {
        throw new SourceUnavailableException(
            "cannot list the buckets: " + S3Errors.describe(e, endpointDescription()), e);
      }
      listedBuckets = listed;
    }
    return listed;
  }

  /** The bucket's tags; empty when it cannot read them (not permitted, or not implemented). */
  public Optional<List<ScanObject.Tag>> bucketTags(String bucket) {
    try {
      List<ScanObject.Tag> tags = new ArrayList<>();
      s3.getBucketTagging(r -> r.bucket(bucket))
          .tagSet()
          .forEach(t -> tags.add(new ScanObject.Tag(t.key(), t.value())));
      return Optional.of(tags);
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null && "NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
        return Optional.of(List.of());
      }
      return Optional.empty();
    } catch (SdkException e) {
      return Optional.empty();
    }
  }

  /**
   * What the caller may read of a bucket: its owner (GetBucketAcl), default encryption
   * (GetBucketEncryption), block public access (GetPublicAccessBlock), tags (GetBucketTagging) and
   * creation time (ListBuckets). What cannot be read is left null, never guessed.
   */
  BucketFacts bucketFacts(String bucket) {
    String ownerId = null;
    String ownerName = null;
    try {
      var owner = s3.getBucketAcl(r -> r.bucket(bucket)).owner();
      if (owner != null) {
        ownerId = owner.id();
        ownerName = owner.displayName();
      }
    } catch (SdkException e) {
      // not permitted or not implemented: unknown
    }
    String encryption = null;
    String kmsKey = null;
    try {
      for (ServerSideEncryptionRule rule :
          s3.getBucketEncryption(r -> r.bucket(bucket))
              .serverSideEncryptionConfiguration()
              .rules()) {
        ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
        if (d != null) {
          encryption = d.sseAlgorithmAsString();
          kmsKey = d.kmsMasterKeyID();
          break;
        }
      }
    } catch (SdkException e) {
      // unknown
    }
    BucketFacts.PublicAccessBlock block = null;
    try {
      PublicAccessBlockConfiguration c =
          s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
      block =
          new BucketFacts.PublicAccessBlock(
              Boolean.TRUE.equals(c.blockPublicAcls()), Boolean.TRUE.equals(c.blockPublicPolicy()),
              Boolean.TRUE.equals(c.ignorePublicAcls()),
                  Boolean.TRUE.equals(c.restrictPublicBuckets()));
    } catch (SdkException e) {
      // unknown
    }
    Instant created =
        createdAt
            .computeIfAbsent(
                bucket,
                b -> {
                  try {
                    return buckets().stream()
                        .filter(x -> x.name().equals(b))
                        .map(Bucket::creationDate)
                        .findFirst();
                  } catch (SourceUnavailableException e) {
                    return Optional.empty();
                  }
                })
            .orElse(null);
    return new BucketFacts(
        created, ownerId, ownerName, encryption, kmsKey, block, bucketTags(bucket).orElse(null));
  }

  /**
   * Reads an object as lines of UTF-8 text, streaming: for allow lists' {@code s3WordsList}.
   *
   * @return the lines, or null when the object cannot be read
   */
  public List<String> readLines(String bucket, String key) {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return lines;
    } catch (SdkException | IOException e) {
      return null;
    }
  }

  /**
   * Uploads a file as an object (PutObject): for discovery results written to an export
   * destination.
   *
   * @throws IOException when the upload fails, with the SDK's reason
   */
  public void put(String bucket, String key, Path file) throws IOException {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new IOException(
          "s3://" + bucket + "/" + key + ": " + S3Errors.describe(e, endpointDescription()), e);
    }
  }

  /**
   * The account of the credentials in use (STS GetCallerIdentity), for findings' {@code accountId}.
   * One quick attempt (5 s at most, no retries); empty when there is no answer, as with an
   * S3-compatible endpoint that has no STS.
   */
  public Optional<String> callerAccountId() {
    var sts =
        StsClient.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(credentials)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(5)));
    if (settings.endpoint() != null) {
      sts.endpointOverride(settings.endpoint());
    }
    try (StsClient client = sts.build()) {
      String account = client.getCallerIdentity().account();
      return account != null && account.matches("\\d{12}")
          ? Optional.of(account)
          : Optional.empty();
    } catch (RuntimeException e) {
      // SdkException and anything else: the placeholder account is reported instead.
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    s3.close();
    http.close();
  }
}
