package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proxy on loopback in front of a real Macie endpoint (the test's {@code MacieServer}) that
 * injects what that server does not do on demand: throttling (Macie's 429 ThrottlingException) for
 * the next N requests, and a job status other than the real one in DescribeClassificationJob
 * answers. Everything else is forwarded unchanged.
 */
final class FaultyMacie implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "expect", "transfer-encoding");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String target;
  private final AtomicInteger throttle = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicReference<String> status = new AtomicReference<>();

  FaultyMacie(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void throttleNext(int requests) {
    throttle.set(requests);
  }

  int throttled() {
    return throttled.get();
  }

  /** From now on DescribeClassificationJob answers with this {@code jobStatus}. */
  void reportStatus(String jobStatus) {
    status.set(jobStatus);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throttled.incrementAndGet();
        byte[] error = "{\"message\":\"Rate exceeded\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "ThrottlingException");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(429, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(v -> forward.header(name, v));
                }
              });
      HttpResponse<byte[]> answer =
          client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] out = answer.body();
      String path = exchange.getRequestURI().getPath();
      if (status.get() != null
          && "GET".equals(exchange.getRequestMethod())
          && path.matches("/jobs/[^/]+")
          && answer.statusCode() == 200) {
        ObjectNode job = (ObjectNode) JSON.readTree(out);
        job.put("jobStatus", status.get());
        out = JSON.writeValueAsBytes(job);
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
              });
      exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      exchange.getResponseBody().write(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
