package dev.assay.engine.source.s3;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (s3proxy, in-memory transient-nio2 store) on 127.0.0.1 with a free
 * port, started by the tests themselves; one per test class. Also a plain SDK client to load it, on
 * a different HTTP client from the engine's own S3 access.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "assay-access";
  public static final String SECRET_KEY = "assay-secret";
  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  @SuppressWarnings("deprecation") // Apache 4, as the engine's Macie backend uses; 5 is not here
  private S3TestServer(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.client =
        S3Client.builder()
            // Apache's client, not the JDK's URL connection: when a put fails there, it reports the
            // server's answer, where HttpURLConnection says only that it could not write the body.
            .httpClientBuilder(ApacheHttpClient.builder())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .build();
  }

  public static S3TestServer start() throws Exception {
    // s3proxy logs every request it does not implement (bucket tagging, ...) as an error; the
    // tests check those answers themselves. Honoured by slf4j-simple, before its first logger.
    System.setProperty("org.slf4j.simpleLogger.log.org.gaul.s3proxy", "off");
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("transient-nio2", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .jettyMaxThreads(16)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3TestServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Settings for Assay's own access: this endpoint and the server's keys. */
  public S3Settings settings() {
    return S3Settings.defaults()
        .withEndpoint(endpoint)
        .withRegion("us-east-1")
        .withKeys(new S3Settings.Keys(ACCESS_KEY, SECRET_KEY));
  }

  /** A plain SDK client, for loading buckets. */
  public S3Client client() {
    return client;
  }

  public void createBucket(String bucket) {
    client.createBucket(r -> r.bucket(bucket));
  }

  public void put(String bucket, String key, String content) {
    client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  @Override
  public void close() {
    client.close();
    try {
      proxy.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}
