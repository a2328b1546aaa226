package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan killed with SIGKILL part way, then run again with the same command, ends with the same
 * findings as a scan that was never interrupted, and no duplicates.
 */
class ResumeAfterKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FILES = 1500;

  @TempDir Path dir;

  @Test
  void killedScan_resumes_toTheSameFindings() throws Exception {
    Path data = Files.createDirectories(dir.resolve("export"));
    for (int i = 0; i < FILES; i++) {
      String body =
          i % 3 == 0
              ? "row " + i + " employee SSN: 512-23-" + String.format("%04d", 1000 + i) + "\n"
              : "row " + i + " nothing here\n";
      Files.writeString(data.resolve(String.format("f%05d.txt", i)), body.repeat(20));
    }
    Path checkpoint = dir.resolve("scan.checkpoint");
    Path resumedOut = dir.resolve("resumed.jsonl");
    String[] args = {
      "scan",
      data.toString(),
      "--checkpoint",
      checkpoint.toString(),
      "--threads",
      "1",
      "--format",
      "jsonl",
      "--output",
      resumedOut.toString(),
      "--quiet"
    };

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.assay.cli.Main"));
    command.addAll(List.of(args));
    Process first =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(checkpoint) < 200 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
    first.waitFor(30, TimeUnit.SECONDS);
    long finishedBeforeKill = lines(checkpoint) - 1;
    assertThat(first.exitValue())
        .as(
            "the first run must be killed, not finish: %s",
            Files.readString(dir.resolve("first.log")))
        .isEqualTo(137);
    assertThat(finishedBeforeKill).isBetween(1L, (long) FILES - 1);

    CliRun resumed = CliRun.of(args);
    assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1);
    CliRun uninterrupted =
        CliRun.of(
            "scan",
            data.toString(),
            "--format",
            "jsonl",
            "--output",
            dir.resolve("full.jsonl").toString());
    assertThat(uninterrupted.exit()).isEqualTo(1);

    TreeMap<String, JsonNode> a = byKey(resumedOut);
    TreeMap<String, JsonNode> b = byKey(dir.resolve("full.jsonl"));
    assertThat(a).hasSize(FILES / 3);
    assertThat(a.keySet()).isEqualTo(b.keySet());
    assertThat(a.equals(b)).as("resumed findings equal uninterrupted ones").isTrue();
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Findings by key, without what differs between runs (ids, times, job). */
  private static TreeMap<String, JsonNode> byKey(Path jsonl) throws IOException {
    TreeMap<String, JsonNode> out = new TreeMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      ObjectNode f = (ObjectNode) JSON.readTree(line);
      String key = f.at("/resourcesAffected/s3Object/key").asText();
      f.remove(List.of("id", "createdAt", "updatedAt"));
      ((ObjectNode) f.get("classificationDetails"))
          .remove(List.of("jobId", "jobArn", "detailedResultsLocation"));
      assertThat(out.put(key, f)).as("duplicate finding for %s", key).isNull();
    }
    return out;
  }
}
