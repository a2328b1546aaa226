package dev.assay.engine.source.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.ObjectResult;
import dev.assay.engine.Scanner;
import dev.assay.engine.source.GuardedSource;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.identifiers.detect.Detector;
import dev.assay.identifiers.managed.ManagedCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** The S3 source against a real S3-compatible server on loopback, through the real SDK client. */
class S3SourceTest {
  private static S3TestServer server;
  private static S3Access access;

  @BeforeAll
  static void start() throws Exception {
    server = S3TestServer.start();
    access = S3Access.connect(server.settings());
  }

  @AfterAll
  static void stop() throws Exception {
    access.close();
    server.close();
  }

  private static List<ScanObject> list(ObjectSource source) throws IOException {
    List<ScanObject> out = new ArrayList<>();
    source.enumerate(out::add);
    return out;
  }

  private static List<ObjectResult> scan(ObjectSource source) throws IOException {
    List<ObjectResult> results = new ArrayList<>();
    Scanner.builder(Detector.of(ManagedCatalog.recommended(), List.of()))
        .threads(2)
        .build()
        .scan(List.of(source), results::add);
    results.sort((a, b) -> a.object().key().compareTo(b.object().key()));
    return results;
  }

  @Test
  void listing_followsEveryPage_inKeyOrder_andHonoursThePrefix() throws Exception {
    server.createBucket("paged");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String key = (i % 2 == 0 ? "even/" : "odd/") + String.format("k%04d.txt", i);
      server.put("paged", key, "x");
      expected.add(key);
    }
    expected.sort(null);
    // A scope that includes nothing: only the listing is exercised, not one request per object.
    List<String> seen = new ArrayList<>();
    ObjectScope recorder =
        new ObjectScope() {
          @Override
          public boolean needsTags() {
            return false;
          }

          @Override
          public boolean includes(ScanObject o) {
            seen.add(o.key());
            return false;
          }
        };
    // Pages of 7 keys: 9 pages for the bucket, 5 for the prefix.
    try (S3Access small = S3Access.connect(server.settings().withPageSize(7))) {
      assertThat(list(small.bucket("paged", "", recorder))).isEmpty();
      assertThat(seen).containsExactlyElementsOf(expected);
      seen.clear();
      list(small.bucket("paged", "odd/", recorder));
    }
    assertThat(seen).hasSize(30).allMatch(k -> k.startsWith("odd/")).isSorted();
  }

  @Test
  void metadata_comesFromS3_tagsEtagSizeStorageClass_andBucketOwner() throws Exception {
    server.createBucket("meta");
    String content = "Employee SSN: 512-23-4411\n";
    server.put("meta", "hr/staff.txt", content);
    server
        .client()
        .putObject(
            r -> r.bucket("meta").key("archive/old.txt").storageClass(StorageClass.GLACIER),
            RequestBody.fromString(content));
    server.put("meta", "folder/", "");
    List<ScanObject> objects = list(access.bucket("meta", null, ObjectScope.ALL));
    assertThat(objects)
        .extracting(ScanObject::key)
        .containsExactly("archive/old.txt", "hr/staff.txt");
    assertThat(objects.get(0).metadata().storageClass()).isEqualTo("GLACIER");
    assertThat(objects.get(0).content()).isNull();
    assertThat(objects.get(0).unavailable())
        .isEqualTo(
            new ScanObject.Unavailable(
                "SKIPPED",
                "INVALID_OBJECT_STATE",
                "storage class GLACIER is not analysed by Macie"));
    ScanObject o = objects.get(1);
    assertThat(o.key()).isEqualTo("hr/staff.txt");
    assertThat(o.bucket()).isEqualTo("meta");
    assertThat(o.size()).isEqualTo(content.length());
    assertThat(o.lastModified()).isNotNull();
    String md5 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    assertThat(o.metadata().eTag()).isEqualTo(md5);
    assertThat(o.metadata().storageClass()).isEqualTo("STANDARD");
    // s3proxy answers object tagging with 501 Not Implemented: tags unknown, so left out (null),
    // not
    // reported as an empty list.
    assertThat(o.metadata().tags()).isNull();
    assertThat(o.bucketFacts().ownerId()).isNotBlank();
    assertThat(o.bucketFacts().createdAt()).isNotNull();
    // s3proxy does not implement GetPublicAccessBlock or GetBucketTagging: left unknown, not
    // invented.
    assertThat(o.bucketFacts().publicAccessBlock()).isNull();
    try (InputStream in = o.content().open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
    }
    assertThat(scan(access.bucket("meta", "hr/", ObjectScope.ALL)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.statusCode()).isEqualTo("COMPLETE");
              assertThat(r.detections())
                  .extracting(d -> d.identifier().id())
                  .containsExactly("USA_SOCIAL_SECURITY_NUMBER");
            });
  }

  @Test
  void largeObject_isStreamed_andAnalysedToItsLastByte() throws Exception {
    server.createBucket("large");
    long size = 24L << 20;
    byte[] line =
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "Employee SSN: 512-23-4411\n".getBytes(StandardCharsets.US_ASCII);
    long filler = size - tail.length;
    server
        .client()
        .putObject(
            r -> r.bucket("large").key("big.txt"),
            RequestBody.fromContentProvider(
                () -> new GeneratedText(line, filler, tail), size, "text/plain"));
    List<ObjectResult> results = scan(access.bucket("large", "", ObjectScope.ALL));
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.statusCode()).isEqualTo("COMPLETE");
              assertThat(r.sizeClassified()).isEqualTo(size);
              assertThat(r.detections())
                  .singleElement()
                  .satisfies(d -> assertThat(d.count()).isEqualTo(1));
            });
  }

  @Test
  void objectDeletedBetweenListAndGet_isSourceObjectNoLongerAvailable_andTheRestIsScanned()
      throws Exception {
    server.createBucket("vanishing");
    server.put("vanishing", "a.txt", "Employee SSN: 512-23-4411\n");
    server.put("vanishing", "b.txt", "gone soon");
    server.put("vanishing", "c.txt", "changed soon");
    ObjectSource s3 = access.bucket("vanishing", "", ObjectScope.ALL);
    // The injected failure: the object is deleted (or rewritten) after it was listed, before a
    // worker reads it.
    ObjectSource meddling =
        new ObjectSource() {
          @Override
          public String describe() {
            return s3.describe();
          }

          @Override
          public void enumerate(Consumer<ScanObject> sink) throws IOException {
            s3.enumerate(
                o -> {
                  if (o.key().equals("b.txt")) {
                    server.client().deleteObject(r -> r.bucket("vanishing").key("b.txt"));
                  } else if (o.key().equals("c.txt")) {
                    server.put("vanishing", "c.txt", "rewritten with other content");
                  }
                  sink.accept(o);
                });
          }
        };
    List<ObjectResult> results = scan(meddling);
    assertThat(results)
        .extracting(r -> r.object().key() + " " + r.statusCode() + " " + r.statusReason())
        .containsExactly(
            "a.txt COMPLETE null",
            "b.txt SKIPPED SOURCE_OBJECT_NO_LONGER_AVAILABLE",
            "c.txt SKIPPED OBJECT_VERSION_MISMATCH");
    assertThat(results.get(0).detections()).hasSize(1);
    assertThat(results.get(1).hasProblem()).isTrue();
  }

  @Test
  void bucketLevelProblems_stopBeforeTheScan_withAClearMessage() throws Exception {
    assertThatThrownBy(() -> access.bucket("no-such-bucket", "", ObjectScope.ALL))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("s3://no-such-bucket/")
        .hasMessageContaining("the bucket does not exist");
    server.createBucket("guarded");
    try (S3Access wrongSecret =
        S3Access.connect(
            server.settings().withKeys(new S3Settings.Keys(S3TestServer.ACCESS_KEY, "wrong")))) {
      assertThatThrownBy(() -> wrongSecret.bucket("guarded", "", ObjectScope.ALL))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("secret access key does not match");
    }
    try (S3Access unknownKey =
        S3Access.connect(server.settings().withKeys(new S3Settings.Keys("nobody", "wrong")))) {
      assertThatThrownBy(() -> unknownKey.bucket("guarded", "", ObjectScope.ALL))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("access key id is not valid");
    }
    try (S3Access nowhere =
        S3Access.connect(server.settings().withEndpoint(URI.create("http://127.0.0.1:1")))) {
      assertThatThrownBy(() -> nowhere.bucket("guarded", "", ObjectScope.ALL))
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("cannot reach S3 at http://127.0.0.1:1");
    }
  }

  @Test
  void listingThatBreaksOffMidway_isRecorded_andWhatWasListedIsKept() throws Exception {
    server.createBucket("breaking");
    for (String key : List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")) {
      server.put("breaking", key, "x");
    }
    try (S3Access small = S3Access.connect(server.settings().withPageSize(2))) {
      GuardedSource guarded = new GuardedSource(small.bucket("breaking", "", ObjectScope.ALL));
      List<String> seen = new ArrayList<>();
      // The injected failure: the bucket disappears while its first page is being handled.
      guarded.enumerate(
          o -> {
            if (seen.isEmpty()) {
              for (String key : List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")) {
                server.client().deleteObject(r -> r.bucket("breaking").key(key));
              }
              server.client().deleteBucket(r -> r.bucket("breaking"));
            }
            seen.add(o.key());
          });
      assertThat(seen).containsExactly("a.txt", "b.txt");
      assertThat(guarded.failure())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining(
              "s3://breaking/: listing failed after 2 object(s): the bucket does not exist");
    }
  }

  @Test
  void objectLevelErrors_mapToMacieReasons() {
    assertThat(S3Errors.objectReason(404, "NoSuchKey"))
        .isEqualTo("SOURCE_OBJECT_NO_LONGER_AVAILABLE");
    assertThat(S3Errors.objectReason(403, "AccessDenied")).isEqualTo("PERMISSION_DENIED");
    assertThat(S3Errors.objectReason(403, "ExpiredToken")).isEqualTo("PERMISSION_DENIED");
    assertThat(S3Errors.objectReason(412, "PreconditionFailed"))
        .isEqualTo("OBJECT_VERSION_MISMATCH");
    assertThat(S3Errors.objectReason(403, "InvalidObjectState")).isEqualTo("INVALID_OBJECT_STATE");
    assertThat(S3Errors.objectReason(400, "KMS.DisabledException")).isEqualTo("INVALID_KMS_KEY");
    assertThat(S3Errors.objectReason(500, "InternalError")).isNull();
  }

  @Test
  void wordsList_isReadFromS3_orNullWhenItCannotBe() {
    server.createBucket("lists");
    server.put("lists", "allow/words.txt", "alpha\n\nbeta\n");
    assertThat(access.readLines("lists", "allow/words.txt")).containsExactly("alpha", "", "beta");
    assertThat(access.readLines("lists", "missing.txt")).isNull();
  }

  @Test
  void callerAccount_isEmptyWhenTheEndpointHasNoSts() {
    long started = System.nanoTime();
    assertThat(access.callerAccountId()).isEmpty();
    assertThat(System.nanoTime() - started).isLessThan(6_000_000_000L);
  }

  /** Lines of filler up to a length, then a tail: generated as read, never held in memory. */
  private static final class GeneratedText extends InputStream {
    private final byte[] line;
    private final long filler;
    private final byte[] tail;
    private long position;

    GeneratedText(byte[] line, long filler, byte[] tail) {
      this.line = line;
      this.filler = filler;
      this.tail = tail;
    }

    @Override
    public int read() {
      if (position < filler) {
        long inLine = position % line.length;
        // End the filler on a newline so that the tail starts its own line.
        byte b = position == filler - 1 ? (byte) '\n' : line[(int) inLine];
        position++;
        return b;
      }
      long t = position - filler;
      if (t < tail.length) {
        position++;
        return tail[(int) t];
      }
      return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          break;
        }
        b[off + n++] = (byte) c;
      }
      return n == 0 ? -1 : n;
    }
  }
}
