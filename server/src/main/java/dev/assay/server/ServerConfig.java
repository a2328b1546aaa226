package dev.assay.server;

import dev.assay.engine.source.s3.S3Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code assay serve} runs. Immutable.
 *
 * @param bind the address to listen on; loopback unless credentials are given
 * @param port the port; 0 picks a free one
 * @param dataDir where the database, job checkpoints and discovery results live
 * @param buckets local directories served to jobs as buckets, by bucket name
 * @param s3 S3 access for the buckets that are not mapped, and for words lists
 * @param accountId the account the API reports (ARNs, findings)
 * @param region the region the API reports
 * @param events where each new finding is published as an EventBridge event: a file (one event a
 *     line), an http(s) URL (one POST per event), or null for nowhere
 * @param credentials access key id to secret key; when not empty every request must be SigV4-signed
 *     with one of them
 * @param threads worker threads per job; 0 for the available processors
 * @param scheduleTick how often scheduled jobs are checked for a due run
 * @param discoveryInterval how often automated sensitive data discovery runs while it is enabled
 *     (Macie runs it daily)
 */
public record ServerConfig(
    String bind,
    int port,
    Path dataDir,
    Map<String, Path> buckets,
    S3Settings s3,
    String accountId,
    String region,
    String events,
    Map<String, String> credentials,
    int threads,
    Duration scheduleTick,
    Duration discoveryInterval) {

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataDir, "dataDir");
    buckets = Map.copyOf(buckets);
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    credentials = Map.copyOf(credentials);
    Objects.requireNonNull(scheduleTick, "scheduleTick");
    Objects.requireNonNull(discoveryInterval, "discoveryInterval");
    if (discoveryInterval.isNegative() || discoveryInterval.isZero()) {
      throw new IllegalArgumentException("discoveryInterval must be positive");
    }
  }

  /**
   * Loopback, a free port, no mapped buckets, the default AWS chain, account 000000000000,
   * us-east-1.
   */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        dataDir,
        Map.of(),
        S3Settings.defaults(),
        "000000000000",
        "us-east-1",
        null,
        Map.of(),
        0,
        Duration.ofMinutes(1),
        Duration.ofDays(1));
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withBind(String bind) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withBuckets(Map<String, Path> buckets) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withS3(S3Settings s3) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withAccount(String accountId, String region) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withEvents(String events) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withCredentials(Map<String, String> credentials) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withThreads(int threads) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withScheduleTick(Duration scheduleTick) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  public ServerConfig withDiscoveryInterval(Duration discoveryInterval) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        buckets,
        s3,
        accountId,
        region,
        events,
        credentials,
        threads,
        scheduleTick,
        discoveryInterval);
  }

  /**
   * Reads access key pairs for {@link #withCredentials}: an AWS credentials file, or lines of
   * {@code ACCESS_KEY_ID SECRET_KEY}.
   *
   * @throws IOException when the file cannot be read or holds no pair
   */
  public static Map<String, String> readCredentials(Path file) throws IOException {
    return SigV4Verifier.read(file);
  }

  String partition() {
    return region.startsWith("cn-")
        ? "aws-cn"
        : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  String arn(String resource) {
    return "arn:" + partition() + ":macie2:" + region + ":" + accountId + ":" + resource;
  }
}
