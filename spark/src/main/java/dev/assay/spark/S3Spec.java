package dev.assay.spark;

import dev.assay.engine.source.s3.S3Access;
import dev.assay.engine.source.s3.S3Settings;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S3 access settings as plain values, for executors to open objects with: the endpoint, region and
 * profile of the command line, and static keys when the driver was given them. Without keys each
 * executor uses the AWS default credentials chain (its instance or pod role on a cluster).
 */
record S3Spec(
    String endpoint,
    String region,
    String profile,
    String accessKeyId,
    String secretAccessKey,
    int pageSize)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One client per executor JVM and spec; clients are thread-safe and live as long as the JVM. */
  private static final Map<S3Spec, S3Access> CLIENTS = new ConcurrentHashMap<>();

  static S3Spec of(S3Settings s) {
    return new S3Spec(
        s.endpoint() == null ? null : s.endpoint().toString(),
        s.region(),
        s.profile(),
        s.keys() == null ? null : s.keys().accessKeyId(),
        s.keys() == null ? null : s.keys().secretAccessKey(),
        s.pageSize());
  }

  S3Settings settings() {
    S3Settings s =
        S3Settings.defaults().withRegion(region).withProfile(profile).withPageSize(pageSize);
    if (endpoint != null) {
      s = s.withEndpoint(URI.create(endpoint));
    }
    if (accessKeyId != null) {
      s = s.withKeys(new S3Settings.Keys(accessKeyId, secretAccessKey));
    }
    return s;
  }

  S3Access access() {
    return CLIENTS.computeIfAbsent(this, spec -> S3Access.connect(spec.settings()));
  }

  /** Keeps the secret out of Spark's logs and UI. */
  @Override
  public String toString() {
    return "S3Spec[endpoint=" + endpoint + ", region=" + region + ", profile=" + profile + "]";
  }
}
