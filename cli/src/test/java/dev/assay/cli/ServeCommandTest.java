package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay serve} through the command line: bad options, start-up, and scan not loading the
 * server.
 */
class ServeCommandTest {
  @Test
  void badOptionsAreUsageErrorsThatNameTheOption(@TempDir Path dir) {
    CliRun offLoopback =
        CliRun.of(
            "serve", "--bind", "0.0.0.0", "--port", "0", "--data-dir", dir.resolve("d").toString());
    assertThat(offLoopback.exit()).isEqualTo(2);
    assertThat(offLoopback.err()).contains("--credentials");
    CliRun badBucket =
        CliRun.of("serve", "--port", "0", "--bucket", "x", "--data-dir", dir.toString());
    assertThat(badBucket.exit()).isEqualTo(2);
    assertThat(badBucket.err()).contains("--bucket: expected NAME=DIR");
    CliRun missingDir =
        CliRun.of(
            "serve",
            "--port",
            "0",
            "--bucket",
            "my-bucket=" + dir.resolve("nope"),
            "--data-dir",
            dir.toString());
    assertThat(missingDir.exit()).isEqualTo(2);
    assertThat(missingDir.err()).contains("no such directory");
    CliRun badCredentials =
        CliRun.of(
            "serve",
            "--port",
            "0",
            "--credentials",
            dir.resolve("none").toString(),
            "--data-dir",
            dir.toString());
    assertThat(badCredentials.exit()).isEqualTo(2);
    assertThat(badCredentials.err()).contains("--credentials: no such file");
    for (String interval : List.of("0", "1w", "-5", "soon")) {
      CliRun badInterval =
          CliRun.of(
              "serve",
              "--port",
              "0",
              "--discovery-interval",
              interval,
              "--data-dir",
              dir.toString());
      assertThat(badInterval.exit()).as(interval).isEqualTo(2);
      assertThat(badInterval.err()).contains("--discovery-interval: expected a positive number");
    }
  }

  @Test
  void discoveryIntervalsAreSecondsOrANumberWithAUnit() {
    assertThat(ServeCommand.duration("90", "--x")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ServeCommand.duration("90s", "--x")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ServeCommand.duration("15m", "--x")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ServeCommand.duration("2h", "--x")).isEqualTo(Duration.ofHours(2));
    assertThat(ServeCommand.duration("1d", "--x")).isEqualTo(Duration.ofDays(1));
  }

  private static List<String> java(String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void serveAnswersAndStopsOnATermSignal(@TempDir Path dir) throws Exception {
    Process p =
        new ProcessBuilder(
                java(
                    Main.class.getName(),
                    "serve",
                    "--port",
                    "0",
                    "--data-dir",
                    dir.resolve("data").toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      Matcher m =
          Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)")
              .matcher(String.valueOf(line));
      assertThat(m.find()).as(line).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      URI macie = URI.create("http://127.0.0.1:" + m.group(1) + "/macie");
      assertThat(
              http.send(
                      HttpRequest.newBuilder(macie)
                          .POST(HttpRequest.BodyPublishers.ofString("{}"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> session =
          http.send(
              HttpRequest.newBuilder(macie).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(session.body()).contains("\"status\":\"ENABLED\"");
      p.destroy(); // SIGTERM: the shutdown hook closes the server
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(dir.resolve("data/assay.db")).exists();
  }

  @Test
  void scanLoadsNoServerClass(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "employee ssn 512-23-4411\n");
    Path log = dir.resolve("classes.log");
    Process p =
        new ProcessBuilder(
                java(
                    "-Xlog:class+load=info:file=" + log,
                    Main.class.getName(),
                    "scan",
                    dir.resolve("a.txt").toString(),
                    "--quiet"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    String loaded = Files.readString(log);
    assertThat(loaded).contains("dev.assay.engine.Scanner");
    assertThat(loaded)
        .doesNotContain("dev.assay.server.", "org.eclipse.jetty.server.", "org.sqlite.");
  }
}
