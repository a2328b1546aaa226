package dev.assay.engine.source.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How to reach S3 (or, with a Macie endpoint, Macie), as the AWS CLI takes it. Immutable.
 *
 * @param endpoint an S3-compatible endpoint ({@code --endpoint-url}); requests then use path-style
 *     addressing. Null for AWS itself, with virtual-hosted addressing and cross-region access
 * @param region the region ({@code --region}); null for the default region chain (the profile's
 *     region, {@code AWS_REGION}, ...), and {@code us-east-1} when that finds none
 * @param profile the named profile ({@code --profile}); null for the default credential chain
 * @param keys explicit keys, used instead of any chain (for embedding and tests); usually null
 * @param pageSize keys a ListObjectsV2 page asks for: 1 to 1000 (S3's own maximum and default)
 */
public record S3Settings(URI endpoint, String region, String profile, Keys keys, int pageSize) {

  public S3Settings {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("pageSize must be from 1 to 1000, got " + pageSize);
    }
  }

  /** The defaults: AWS itself, the default region and credential chains, pages of 1000 keys. */
  public static S3Settings defaults() {
    return new S3Settings(null, null, null, null, 1000);
  }

  public S3Settings withEndpoint(URI endpoint) {
    return new S3Settings(endpoint, region, profile, keys, pageSize);
  }

  public S3Settings withRegion(String region) {
    return new S3Settings(endpoint, region, profile, keys, pageSize);
  }

  public S3Settings withProfile(String profile) {
    return new S3Settings(endpoint, region, profile, keys, pageSize);
  }

  public S3Settings withKeys(Keys keys) {
    return new S3Settings(endpoint, region, profile, keys, pageSize);
  }

  public S3Settings withPageSize(int pageSize) {
    return new S3Settings(endpoint, region, profile, keys, pageSize);
  }

  /**
   * The region: {@code region}, else the default region chain (with {@code profile}), else
   * us-east-1.
   */
  public Region resolvedRegion() {
    if (region != null) {
      return Region.of(region);
    }
    try {
      var chain = DefaultAwsRegionProviderChain.builder();
      if (profile != null) {
        chain.profileName(profile);
      }
      return chain.build().getRegion();
    } catch (SdkException e) {
      return Region.US_EAST_1;
    }
  }

  /**
   * The credentials: {@code keys}, else the {@code profile}'s, else the default credential chain.
   */
  public AwsCredentialsProvider credentialsProvider() {
    if (keys != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
    if (profile != null) {
      return ProfileCredentialsProvider.create(profile);
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** An access key pair. */
  public record Keys(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "Keys[" + accessKeyId + ", ****]";
    }
  }
}
