package dev.assay.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local Macie2-compatible REST endpoint (rest-json, the routes, members and errors of the Macie2
 * API model): the AWS CLI and SDKs work against it with {@code --endpoint-url}. State lives in
 * SQLite in the data directory; classification jobs run on the scan engine over S3 or local
 * directories mapped as buckets.
 *
 * <p>Bound to loopback, any well-formed request is served. Bound to another address it needs
 * credentials, and then every request must carry a valid AWS Signature Version 4.
 *
 * <p>Thread-safe; {@link #close()} stops the HTTP server, lets a running job stop at an object
 * boundary (it resumes on the next start) and closes the database.
 */
public final class MacieServer implements AutoCloseable {
  private final Server http;
  private final ServerConnector connector;
  private final Store store;
  private final MacieApi api;
  private final Jobs jobs;
  private final AutomatedDiscovery discovery;
  private final SigV4Verifier verifier;

  private MacieServer(ServerConfig config) throws IOException {
    if (!isLoopback(config.bind()) && config.credentials().isEmpty()) {
      throw new IllegalArgumentException(
          "--bind "
              + config.bind()
              + " is not a loopback address: give --credentials FILE, so that requests are checked (SigV4)");
    }
    store = Store.open(config.dataDir());
    Events events = Events.of(config.events());
    jobs = new Jobs(store, config, events);
    discovery = new AutomatedDiscovery(store, config, jobs, events);
    api = new MacieApi(store, config, jobs, discovery);
    jobs.bind(api);
    discovery.bind(api);
    verifier = config.credentials().isEmpty() ? null : new SigV4Verifier(config.credentials());
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName("assay-http");
    pool.setDaemon(true);
    http = new Server(pool);
    HttpConfiguration hc = new HttpConfiguration();
    hc.setSendServerVersion(false);
    // ARNs travel in paths (/tags/{resourceArn}) with their slashes encoded as %2F.
    hc.setUriCompliance(UriCompliance.UNSAFE);
    connector = new ServerConnector(http, new HttpConnectionFactory(hc));
    connector.setHost(config.bind());
    connector.setPort(config.port());
    http.addConnector(connector);
    http.setHandler(new Dispatch());
  }

  /** Opens the database, resumes jobs that were running, and starts serving. */
  public static MacieServer start(ServerConfig config) throws IOException {
    MacieServer server = new MacieServer(config);
    try {
      server.http.start();
    } catch (Exception e) {
      server.close();
      throw new IOException(
          "cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server.jobs.start();
    server.discovery.start();
    return server;
  }

  /** The port it listens on (the one chosen when the configuration asked for 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The state, for tests in this package. */
  Store store() {
    return store;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      // stopping anyway
    }
    discovery.close();
    jobs.close();
    store.close();
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a request, finds its operation, runs it and writes the answer. */
  private final class Dispatch extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      int status;
      JsonNode answer;
      String errorType = null;
      try {
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
          body = in.readAllBytes();
        }
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        if (verifier != null) {
          verifier.verify(request.getMethod(), rawPath, rawQuery, request.getHeaders(), body);
        }
        Routes.Match match = Routes.find(request.getMethod(), rawPath);
        if (match == null) {
          throw new ApiException(
              "UnknownOperationException",
              404,
              "no Macie2 operation at " + request.getMethod() + " " + rawPath);
        }
        ObjectNode json;
        if (body.length == 0) {
          json = Store.JSON.createObjectNode();
        } else {
          JsonNode parsed;
          try {
            parsed = Store.JSON.readTree(body);
          } catch (IOException e) {
            throw ApiException.validation("the request body is not valid JSON: " + e.getMessage());
          }
          if (!(parsed instanceof ObjectNode o)) {
            throw ApiException.validation("the request body must be a JSON object");
          }
          json = o;
        }
        Call call = new Call(match.route().operation(), match.labels(), query(rawQuery), json);
        answer = api.handle(call);
        status = answer == null ? 204 : 200;
      } catch (ApiException e) {
        status = e.status();
        errorType = e.type();
        answer = Store.JSON.createObjectNode().put("message", e.getMessage());
      } catch (RuntimeException e) {
        status = 500;
        errorType = "InternalServerException";
        answer = Store.JSON.createObjectNode().put("message", String.valueOf(e));
      }
      response.setStatus(status);
      if (errorType != null) {
        response.getHeaders().put("x-amzn-ErrorType", errorType);
      }
      if (answer == null) {
        callback.succeeded();
        return true;
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      byte[] out = Store.JSON.writeValueAsBytes(answer);
      response.write(true, ByteBuffer.wrap(out), callback);
      return true;
    }
  }

  /** The query string's parameters, decoded; a name may repeat ({@code tagKeys}). */
  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
