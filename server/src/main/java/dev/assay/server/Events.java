package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.report.EventBridgeWriter;
import dev.assay.engine.report.Finding;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each new, unarchived finding as an EventBridge event: appended as a line to a file, or
 * POSTed to a URL. Publishing runs on a thread of its own, so a slow or failing endpoint never
 * blocks a job; a POST is retried with backoff (5 tries) and then dropped with a message on
 * standard error. Thread-safe.
 */
abstract class Events implements AutoCloseable {
  static Events of(String target) {
    if (target == null || target.isEmpty()) {
      return new Events() {
        @Override
        void send(String line) {}
      };
    }
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return new Post(URI.create(target));
    }
    return new ToFile(Path.of(target));
  }

  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "assay-events");
            t.setDaemon(true);
            return t;
          });

  /** Publishes the event for {@code finding}, whose stored JSON is {@code json}. */
  final void publish(Finding finding, JsonNode json) {
    ObjectNode event = Store.JSON.valueToTree(EventBridgeWriter.eventOf(finding));
    event.set("detail", json);
    String line = Store.write(event);
    sender.execute(() -> send(line));
  }

  abstract void send(String line);

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class ToFile extends Events {
    private final Path file;

    ToFile(Path file) {
      this.file = file;
    }

    @Override
    void send(String line) {
      try (Writer w =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        w.write(line);
        w.write('\n');
      } catch (IOException e) {
        System.err.println("assay serve: --events " + file + ": cannot write: " + e.getMessage());
      }
    }
  }

  private static final class Post extends Events {
    private final URI uri;
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Post(URI uri) {
      this.uri = uri;
    }

    @Override
    void send(String line) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(line))
              .build();
      long backoff = 200;
      for (int attempt = 1; attempt <= 5; attempt++) {
        try {
          HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() < 500 && r.statusCode() != 429) {
            if (r.statusCode() >= 300) {
              System.err.println(
                  "assay serve: --events "
                      + uri
                      + ": answered "
                      + r.statusCode()
                      + "; event dropped");
            }
            return;
          }
        } catch (IOException e) {
          // retried below
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff *= 2;
      }
      System.err.println(
          "assay serve: --events " + uri + ": not reachable after 5 tries; event dropped");
    }
  }
}
