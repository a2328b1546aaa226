package dev.assay.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The layout of a distributed scan's output directory, which driver and executors share (a local
 * directory in local mode; on a cluster a mounted shared file system):
 *
 * <pre>
 * DIR/_job.json                     the job id, the scan's fingerprint and the number of runs
 * DIR/findings/part-RRRR-PPPPP.&lt;ext&gt; each task's findings (JSON Lines, or EventBridge events)
 * DIR/_committed/part-RRRR-PPPPP.json each task's commit: its objects and their counts
 * DIR/summary.json                  counts per severity and sensitive data type, for all runs
 * DIR/findings.json|.sarif|.asff.json the findings as one document, for those formats
 * </pre>
 *
 * <p>A task's part files are written under temporary names and moved into place, the commit last: a
 * part counts only once its commit exists, a retried task replaces what its failed attempt left,
 * and a rerun skips the objects the commits name.
 */
final class RunOutput {
  static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final Path dir;

  RunOutput(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path jobFile() {
    return dir.resolve("_job.json");
  }

  Path findingsDir() {
    return dir.resolve("findings");
  }

  Path committedDir() {
    return dir.resolve("_committed");
  }

  static String partName(int run, int partition) {
    return String.format(Locale.ROOT, "part-%04d-%05d", run, partition);
  }

  Path findingsPart(int run, int partition, String extension) {
    return findingsDir().resolve(partName(run, partition) + "." + extension);
  }

  Path commit(int run, int partition) {
    return committedDir().resolve(partName(run, partition) + ".json");
  }

  /** What {@code _job.json} holds. */
  record Job(String jobId, String fingerprint, int runs) {}

  /** A task's commit: the objects it finished (bucket and key each) and their counts. */
  record Commit(int run, int partition, List<List<String>> objects, TaskStats stats) {}

  /**
   * The uuid of a task's {@code n}th discovery results file: the same for every attempt of the
   * task.
   */
  static UUID resultsFileName(String jobId, int run, int partition, int n) {
    return UUID.nameUUIDFromBytes(
        (jobId + "/" + run + "/" + partition + "/" + n).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} under a temporary name, then moves it into place. */
  static void writeAtomically(Path target, byte[] bytes, String attempt) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + attempt + ".tmp");
    Files.write(temp, bytes);
    moveIntoPlace(temp, target);
  }

  static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The commits of every run so far, in name order. */
  List<Commit> commits() throws IOException {
    List<Commit> out = new ArrayList<>();
    if (!Files.isDirectory(committedDir())) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(committedDir(), "part-*.json")) {
      entries.forEach(files::add);
    }
    files.sort(null);
    for (Path f : files) {
      try {
        out.add(JSON.readValue(f.toFile(), Commit.class));
      } catch (IOException e) {
        throw new IOException(f + ": not a commit this runner wrote: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Deletes what tasks left without a commit (attempts that died, runs that were killed): findings
   * parts, temporary files, and discovery results files named for those tasks.
   */
  void removeUncommitted(Path resultsFolder, String jobId, int runs) throws IOException {
    if (Files.isDirectory(findingsDir())) {
      List<Path> parts = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(findingsDir())) {
        entries.forEach(parts::add);
      }
      for (Path p : parts) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          Files.deleteIfExists(p);
          continue;
        }
        int dot = name.indexOf('.');
        String part = dot < 0 ? name : name.substring(0, dot);
        if (!Files.exists(committedDir().resolve(part + ".json"))) {
          Files.deleteIfExists(p);
          if (resultsFolder != null) {
            String[] fields = part.split("-");
            deleteResults(
                resultsFolder, jobId, Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
          }
        }
      }
    }
    if (Files.isDirectory(committedDir())) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(committedDir(), ".*")) {
        for (Path p : entries) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Deletes the discovery results files a task of {@code run} and {@code partition} may have
   * written.
   */
  static void deleteResults(Path resultsFolder, String jobId, int run, int partition) {
    try {
      for (int n = 0; ; n++) {
        Path f = resultsFolder.resolve(resultsFileName(jobId, run, partition, n) + ".jsonl.gz");
        if (!Files.deleteIfExists(f)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete an earlier attempt's discovery results in " + resultsFolder, e);
    }
  }
}
