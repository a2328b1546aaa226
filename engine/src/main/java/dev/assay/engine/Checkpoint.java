package dev.assay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.report.Finding;
import dev.assay.engine.source.ScanObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scan's record of finished objects, so that a scan stopped by a crash or {@code kill -9} resumes
 * where it stopped and ends with the same findings, without duplicates.
 *
 * <p>The file is JSON Lines: a header naming the scan (a fingerprint of its targets and settings)
 * and its job id, then one line per finished object with its key, size and modification time (an
 * object that changed since is scanned again), its finding if it had one, and whether it had a
 * problem. Each line is written whole and flushed to the operating system at once, so it survives
 * the process being killed; the file is forced to disk at most once a second, so a power loss loses
 * at most the last second. A torn last line is ignored on resume.
 *
 * <p>Thread-safe: {@link #record} may be called from several threads.
 */
public final class Checkpoint implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FORCE_INTERVAL_NANOS = 1_000_000_000L;

  /** What a finished object left behind. */
  public record Done(long size, String lastModified, Finding finding, boolean problem) {}

  private final FileChannel channel;
  private final String jobId;
  private final Map<String, Done> done;
  private long lastForce = System.nanoTime();

  private Checkpoint(FileChannel channel, String jobId, Map<String, Done> done) {
    this.channel = channel;
    this.jobId = jobId;
    this.done = done;
  }

  /** The checkpoint belongs to another scan: other targets or settings. */
  public static final class MismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /**
   * Opens {@code file}, creating it for a new scan or reading what a previous run of the same scan
   * finished.
   *
   * @param fingerprint identifies the scan (targets and settings)
   * @param newJobId the job id to use if the file is new
   * @throws MismatchException when the file was written by a different scan
   */
  public static Checkpoint open(Path file, String fingerprint, String newJobId)
      throws IOException, MismatchException {
    Map<String, Done> done = new HashMap<>();
    String jobId = newJobId;
    long validLength = 0;
    if (Files.exists(file) && Files.size(file) > 0) {
      byte[] bytes = Files.readAllBytes(file);
      int lineStart = 0;
      boolean header = true;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          break; // a torn line: everything from here on is discarded
        }
        if (header) {
          if (!fingerprint.equals(node.path("scan").asText())) {
            throw new MismatchException(
                file
                    + ": this checkpoint belongs to a different scan (other targets or settings); delete it or use another file");
          }
          jobId = node.path("jobId").asText(newJobId);
          header = false;
        } else {
          Finding finding =
              node.hasNonNull("finding")
                  ? JSON.treeToValue(node.get("finding"), Finding.class)
                  : null;
          done.put(
              node.path("key").asText(),
              new Done(
                  node.path("size").asLong(),
                  node.path("lastModified").asText(null),
                  finding,
                  node.path("problem").asBoolean()));
        }
        lineStart = i + 1;
        validLength = lineStart;
      }
      if (header) {
        validLength = 0; // not even the header survived
      }
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(validLength);
    channel.position(validLength);
    Checkpoint checkpoint = new Checkpoint(channel, jobId, done);
    if (validLength == 0) {
      ObjectNode header = JSON.createObjectNode();
      header.put("assayCheckpoint", 1);
      header.put("scan", fingerprint);
      header.put("jobId", jobId);
      checkpoint.append(header);
    }
    return checkpoint;
  }

  /** The job id findings report: the first run's, kept across resumes. */
  public String jobId() {
    return jobId;
  }

  private static String keyOf(ScanObject object) {
    return object.bucket() + "/" + object.key();
  }

  /** What a previous run finished for {@code object}, if it is unchanged since; else null. */
  public Done finished(ScanObject object) {
    Done d = done.get(keyOf(object));
    if (d == null || d.size() != object.size()) {
      return null;
    }
    String modified = object.lastModified() == null ? null : object.lastModified().toString();
    return Objects.equals(modified, d.lastModified()) ? d : null;
  }

  /** Everything previous runs finished, by {@code bucket/key}. */
  public Map<String, Done> finished() {
    return Map.copyOf(done);
  }

  /** Records that {@code result} is finished, with its finding (or null). */
  public synchronized void record(ObjectResult result, Finding finding) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("key", keyOf(result.object()));
    line.put("size", result.object().size());
    if (result.object().lastModified() != null) {
      line.put("lastModified", result.object().lastModified().toString());
    }
    line.put("problem", result.hasProblem());
    if (finding != null) {
      line.set("finding", JSON.valueToTree(finding));
    }
    append(line);
  }

  private synchronized void append(ObjectNode node) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.wrap((JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    long now = System.nanoTime();
    if (now - lastForce >= FORCE_INTERVAL_NANOS) {
      channel.force(false);
      lastForce = now;
    }
  }

  /** Findings that previous runs recorded, in no particular order. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (Done d : done.values()) {
      if (d.finding() != null) {
        out.add(d.finding());
      }
    }
    return out;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.force(false);
    channel.close();
  }
}
