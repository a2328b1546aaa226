package dev.assay.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.JobStatus;

/** Starts the server in this JVM and gives an AWS SDK v2 macie2 client for it. */
@SuppressWarnings("deprecation") // the SDK's Apache 4 client, as users' code has it
final class ServerFixture {
  private ServerFixture() {}

  static Macie2Client client(int port) {
    return client(port, "test-key", "test-secret");
  }

  static Macie2Client client(int port, String key, String secret) {
    return Macie2Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .build();
  }

  static ServerConfig config(Path dataDir) {
    return ServerConfig.defaults(dataDir)
        .withAccount("123456789012", "us-east-1")
        .withThreads(2)
        .withScheduleTick(Duration.ofMillis(200));
  }

  /** Waits until the job leaves RUNNING; its final status. */
  static JobStatus awaitJob(Macie2Client macie, String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      JobStatus status = macie.describeClassificationJob(r -> r.jobId(jobId)).jobStatus();
      if (status != JobStatus.RUNNING) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + jobId + " still RUNNING after 120 s");
  }
}
