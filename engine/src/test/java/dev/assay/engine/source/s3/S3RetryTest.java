package dev.assay.engine.source.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's retries, through injected failures: a loopback endpoint that answers throttling (503
 * SlowDown) and a server error (500) before it answers for real.
 */
class S3RetryTest {
  private static HttpServer server;
  private static final AtomicInteger listCalls = new AtomicInteger();
  private static final AtomicInteger getCalls = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", S3RetryTest::answer);
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String query =
        exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
    if (path.equals("/flaky") && query.contains("list-type=2")) {
      // Every listing request: the first two of each are throttled.
      if (listCalls.incrementAndGet() % 3 != 0) {
        send(
            exchange,
            503,
            "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
        return;
      }
      send(
          exchange,
          200,
          "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>flaky</Name><Prefix></Prefix>"
              + "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>a.txt</Key>"
              + "<LastModified>2024-05-01T10:00:00.000Z</LastModified><ETag>\"0cc175b9c0f1b6a831c399e269772661\"</ETag><Size>1</Size>"
              + "<StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>");
    } else if (path.equals("/flaky/a.txt")
        && exchange.getRequestMethod().equals("GET")
        && query.isEmpty()) {
      if (getCalls.incrementAndGet() == 1) {
        send(
            exchange,
            500,
            "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>");
        return;
      }
      send(exchange, 200, "a");
    } else if (path.equals("/flaky/a.txt") && exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().add("ETag", "\"0cc175b9c0f1b6a831c399e269772661\"");
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    } else {
      send(exchange, 501, "<Error><Code>NotImplemented</Code><Message>not here</Message></Error>");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void throttlingAndServerErrors_areRetriedWithBackoff() throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    S3Settings settings =
        S3Settings.defaults()
            .withEndpoint(endpoint)
            .withRegion("us-east-1")
            .withKeys(new S3Settings.Keys("a", "b"));
    try (S3Access access = S3Access.connect(settings)) {
      long started = System.nanoTime();
      ObjectSource source = access.bucket("flaky", "", ObjectScope.ALL);
      List<ScanObject> objects = new ArrayList<>();
      source.enumerate(objects::add);
      assertThat(objects).extracting(ScanObject::key).containsExactly("a.txt");
      // The preflight and the listing each took three attempts: two throttled, then the answer.
      assertThat(listCalls.get()).isEqualTo(6);
      try (InputStream in = objects.get(0).content().open()) {
        assertThat(in.readAllBytes()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(getCalls.get()).isEqualTo(2);
      assertThat(System.nanoTime() - started).as("backoff stays short").isLessThan(30_000_000_000L);
    }
  }
}
