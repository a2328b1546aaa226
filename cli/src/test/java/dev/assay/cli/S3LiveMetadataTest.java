package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What s3proxy cannot serve: object versions and tags, bucket tags, default encryption, block
 * public access and STS, read by {@code assay scan} from moto's S3 and STS server on loopback,
 * started here. Skips when Python with moto's server is not installed (a user's machine need not
 * have it; the rest of the S3 support is tested against s3proxy in any case).
 */
@SuppressWarnings("unchecked") // the SDK's varargs of Consumer<Builder> lambdas
class S3LiveMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Process moto;
  private static String endpoint;
  private static S3Client s3;
  private static String latestVersion;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(motoInstalled(), "python3 with moto's server is not installed");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    moto =
        new ProcessBuilder(
                "python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("moto.log").toFile())
            .start();
    endpoint = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!listening(port)) {
      if (System.nanoTime() > deadline || !moto.isAlive()) {
        throw new IllegalStateException(
            "moto did not start: " + Files.readString(dir.resolve("moto.log")));
      }
      Thread.sleep(100);
    }
    System.setProperty("aws.accessKeyId", "moto-access");
    System.setProperty("aws.secretAccessKey", "moto-secret");
    s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("moto-access", "moto-secret")))
            .endpointOverride(URI.create(endpoint))
            .forcePathStyle(true)
            .build();
    String bucket = "acme-versioned";
    s3.createBucket(r -> r.bucket(bucket));
    s3.putBucketVersioning(
        r ->
            r.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketTagging(
        r ->
            r.bucket(bucket)
                .tagging(t -> t.tagSet(Tag.builder().key("owner").value("security").build())));
    s3.putBucketEncryption(
        r ->
            r.bucket(bucket)
                .serverSideEncryptionConfiguration(
                    c ->
                        c.rules(
                            rule ->
                                rule.applyServerSideEncryptionByDefault(
                                    d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    s3.putPublicAccessBlock(
        r ->
            r.bucket(bucket)
                .publicAccessBlockConfiguration(
                    b ->
                        b.blockPublicAcls(true)
                            .ignorePublicAcls(true)
                            .blockPublicPolicy(true)
                            .restrictPublicBuckets(false)));
    s3.putObject(
        r -> r.bucket(bucket).key("hr/staff.txt"), RequestBody.fromString("Nothing yet.\n"));
    latestVersion =
        s3.putObject(
                r -> r.bucket(bucket).key("hr/staff.txt").tagging("team=hr&class=pii"),
                RequestBody.fromString("Employee SSN: 512-23-4411\n"))
            .versionId();
    s3.putObject(
        r -> r.bucket(bucket).key("notes/plain.txt"),
        RequestBody.fromString("Visitor SSN: 431-58-2207\n"));
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    if (s3 != null) {
      s3.close();
    }
    if (moto != null) {
      moto.destroy();
      if (!moto.waitFor(10, TimeUnit.SECONDS)) {
        moto.destroyForcibly();
      }
    }
  }

  private static boolean motoInstalled() {
    return CliRun.installed("python3", "-c", "import moto.server, flask");
  }

  @SuppressWarnings("try") // the socket is opened only to see that something listens
  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static CliRun scan(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "scan", "--endpoint-url", endpoint, "--region", "us-east-1", "--format", "json"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static Map<String, JsonNode> findingsByKey(CliRun run) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    JSON.readTree(run.out())
        .get("findings")
        .forEach(f -> out.put(f.at("/resourcesAffected/s3Object/key").asText(), f));
    return out;
  }

  @Test
  void
      findings_carryTheLatestVersion_objectAndBucketTags_encryption_blockPublicAccess_andTheStsAccount()
          throws Exception {
    CliRun run = scan("s3://acme-versioned");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    Map<String, JsonNode> findings = findingsByKey(run);
    assertThat(findings).containsOnlyKeys("hr/staff.txt", "notes/plain.txt");
    JsonNode staff = findings.get("hr/staff.txt");
    JsonNode object = staff.at("/resourcesAffected/s3Object");
    // The latest version was scanned (the first one has no SSN), and is the one reported.
    assertThat(object.get("versionId").asText()).isEqualTo(latestVersion).isNotEmpty();
    Map<String, String> tags = new TreeMap<>();
    object.get("tags").forEach(t -> tags.put(t.get("key").asText(), t.get("value").asText()));
    assertThat(tags).containsExactly(Map.entry("class", "pii"), Map.entry("team", "hr"));
    assertThat(findings.get("notes/plain.txt").at("/resourcesAffected/s3Object/tags").toString())
        .isEqualTo("[]");
    assertThat(object.at("/serverSideEncryption/encryptionType").asText()).isEqualTo("AES256");
    JsonNode bucket = staff.at("/resourcesAffected/s3Bucket");
    assertThat(bucket.get("tags").toString())
        .isEqualTo("[{\"key\":\"owner\",\"value\":\"security\"}]");
    assertThat(bucket.at("/defaultServerSideEncryption/encryptionType").asText())
        .isEqualTo("AES256");
    JsonNode block =
        bucket.at("/publicAccess/permissionConfiguration/bucketLevelPermissions/blockPublicAccess");
    assertThat(block.get("blockPublicAcls").asBoolean()).isTrue();
    assertThat(block.get("restrictPublicBuckets").asBoolean()).isFalse();
    // moto's STS answers GetCallerIdentity with its default account.
    assertThat(staff.get("accountId").asText()).isEqualTo("123456789012");
  }

  @Test
  void jobScopedByObjectTag_includesOrExcludesByTheLatestVersionsTags() throws Exception {
    String term =
        "{\"tagScopeTerm\":{\"comparator\":\"EQ\",\"key\":\"TAG\",\"tagValues\":[{\"key\":\"class\",\"value\":\"pii\"}],\"target\":\"S3_OBJECT\"}}";
    for (String side : List.of("includes", "excludes")) {
      Path job =
          Files.writeString(
              dir.resolve(side + ".json"),
              "{\"name\":\"by-tag\",\"jobType\":\"ONE_TIME\",\"s3JobDefinition\":{\"bucketDefinitions\":"
                  + "[{\"accountId\":\"123456789012\",\"buckets\":[\"acme-versioned\"]}],"
                  + "\"scoping\":{\""
                  + side
                  + "\":{\"and\":["
                  + term
                  + "]}}}}");
      CliRun run = scan("--job", job.toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(findingsByKey(run).keySet())
          .as(side)
          .containsExactly(side.equals("includes") ? "hr/staff.txt" : "notes/plain.txt");
    }
  }
}
