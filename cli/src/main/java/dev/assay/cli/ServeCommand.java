package dev.assay.cli;

import dev.assay.server.MacieServer;
import dev.assay.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assay serve}: a local Macie2-compatible REST endpoint. Only this command refers to the
 * server's classes, so that the other commands do not load them.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a local Macie2-compatible API (rest-json) for the AWS CLI, SDKs and Terraform, with --endpoint-url.",
      "Classification jobs really run, on S3 or on local directories mapped as buckets; state is kept in DIR."
    },
    sortOptions = false)
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "The port; default 8080 (0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "The address to listen on; default 127.0.0.1. Any other needs --credentials.")
  String bind = "127.0.0.1";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where state (SQLite), checkpoints and results live; default ./assay-data.")
  Path dataDir = Path.of("assay-data");

  @Option(
      names = "--bucket",
      paramLabel = "NAME=DIR",
      description = "Serve a local directory to jobs as bucket NAME. Repeatable.")
  List<String> buckets = new ArrayList<>();

  @Option(
      names = "--s3-endpoint-url",
      paramLabel = "URL",
      description = "An S3-compatible endpoint for the buckets not mapped; default AWS.")
  String s3EndpointUrl;

  @Option(names = "--profile", paramLabel = "P", description = "The AWS profile for S3.")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "The region the API reports and S3 uses; default us-east-1.")
  String region = "us-east-1";

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "The account id the API reports; default 000000000000.")
  String accountId = "000000000000";

  @Option(
      names = "--events",
      paramLabel = "FILE|URL",
      description =
          "Publish each new finding as an EventBridge event: a line in FILE, or a POST to URL.")
  String events;

  @Option(
      names = "--credentials",
      paramLabel = "FILE",
      description =
          "Access key pairs (an AWS credentials file, or 'ID SECRET' lines): requests must be SigV4-signed with one.")
  Path credentials;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads per job; default: available processors.")
  Integer threads;

  @Option(
      names = "--schedule-interval",
      paramLabel = "SECONDS",
      description = "How often scheduled jobs are checked; default 60.")
  int scheduleSeconds = 60;

  @Option(
      names = "--discovery-interval",
      paramLabel = "TIME",
      description =
          "How often automated sensitive data discovery runs while it is enabled: seconds, or a number with s, m, h or d; default 1d, as Macie.")
  String discoveryInterval = "1d";

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new UsageException("--port: must be 0 to 65535, got " + port);
    }
    if (!accountId.matches("\\d{12}")) {
      throw new UsageException("--account-id: must be 12 digits, got '" + accountId + "'");
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads: must be at least 1, got " + threads);
    }
    if (scheduleSeconds < 1) {
      throw new UsageException("--schedule-interval: must be at least 1, got " + scheduleSeconds);
    }
    Duration discoveryEvery = duration(discoveryInterval, "--discovery-interval");
    Map<String, Path> mapped = new LinkedHashMap<>();
    for (String b : buckets) {
      int eq = b.indexOf('=');
      if (eq < 1 || eq == b.length() - 1) {
        throw new UsageException("--bucket: expected NAME=DIR, got '" + b + "'");
      }
      String name = b.substring(0, eq);
      Path dir = Path.of(b.substring(eq + 1));
      if (!name.matches("[A-Za-z0-9.\\-_]{3,255}")) {
        throw new UsageException(
            "--bucket: '" + name + "' is not a bucket name (3 to 255 of A-Z a-z 0-9 . - _)");
      }
      if (!Files.isDirectory(dir)) {
        throw new UsageException("--bucket " + b + ": no such directory: " + dir);
      }
      mapped.put(name, dir.toAbsolutePath().normalize());
    }
    Map<String, String> keys = Map.of();
    if (credentials != null) {
      try {
        keys = ServerConfig.readCredentials(credentials);
      } catch (NoSuchFileException e) {
        throw new UsageException("--credentials: no such file: " + credentials);
      } catch (IOException e) {
        throw new UsageException("--credentials: " + e.getMessage());
      }
    }
    ServerConfig config =
        ServerConfig.defaults(dataDir.toAbsolutePath())
            .withBind(bind)
            .withPort(port)
            .withBuckets(mapped)
            .withS3(ScanCommand.s3Settings(s3EndpointUrl, region, profile, "--s3-endpoint-url"))
            .withAccount(accountId, region)
            .withEvents(events)
            .withCredentials(keys)
            .withThreads(threads == null ? 0 : threads)
            .withScheduleTick(Duration.ofSeconds(scheduleSeconds))
            .withDiscoveryInterval(discoveryEvery);
    MacieServer server;
    try {
      server = MacieServer.start(config);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "assay-serve-stop"));
    err.println(
        "assay serve: listening on http://"
            + bind
            + ":"
            + server.port()
            + " (data in "
            + config.dataDir()
            + ")");
    err.flush();
    server.join();
    return ExitCode.OK.code;
  }

  /** {@code 90}, {@code 90s}, {@code 15m}, {@code 2h} or {@code 1d}: a positive duration. */
  static Duration duration(String text, String option) {
    Matcher m = Pattern.compile("(\\d{1,9})([smhd]?)").matcher(text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new UsageException(
          option
              + ": expected a positive number of seconds, or a number with s, m, h or d, got '"
              + text
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
