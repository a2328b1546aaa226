package dev.assay.engine.config;

import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScopedSource;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.engine.source.s3.S3Access;
import dev.assay.engine.source.s3.S3Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scan targets into sources: {@code s3://bucket[/prefix]}, local files and directories, and
 * local bucket exports, under a classification job's buckets and scope when there is one.
 *
 * <p>How a local directory is read:
 *
 * <ul>
 *   <li>with {@code exportRoot}, it is a bucket export: each subdirectory is a bucket (with a job,
 *       only the job's buckets);
 *   <li>with a job and without {@code exportRoot}, it is an export when it holds at least one of
 *       the job's buckets as a subdirectory; otherwise it is one bucket root;
 *   <li>otherwise it is one bucket root, named by {@code bucketName} or its own name.
 * </ul>
 *
 * With a job and no target at all, the job's buckets are read from S3. S3 is connected only when
 * needed. Not thread-safe; close it after the scan.
 */
public final class ScanTargets implements AutoCloseable {
  private final S3Settings settings;
  private final Map<String, Path> localBuckets = new LinkedHashMap<>();
  private S3Access s3;

  public ScanTargets(S3Settings settings) {
    this.settings = settings;
  }

  /** The S3 connection, opened on first use. */
  public S3Access s3() {
    if (s3 == null) {
      s3 = S3Access.connect(settings);
    }
    return s3;
  }

  /** Whether S3 has been used. */
  public boolean usesS3() {
    return s3 != null;
  }

  /** Whether any target (or, with none, the job) reads S3. */
  public static boolean needsS3(List<String> targets, ClassificationJob job) {
    return targets.isEmpty() ? job != null : targets.stream().anyMatch(t -> t.startsWith("s3://"));
  }

  /**
   * The sources to scan, each checked: a missing bucket, denied access or bad credentials fail
   * here, before the scan.
   *
   * @param accountId the account in use, or null when not known (for bucketCriteria on ACCOUNT_ID)
   * @throws ConfigException when the job's buckets are not where the targets say
   * @throws SourceUnavailableException when a bucket cannot be listed
   * @throws NoSuchFileException when a local target does not exist
   */
  public List<ObjectSource> resolve(
      List<String> targets,
      ClassificationJob job,
      boolean exportRoot,
      String bucketName,
      String accountId)
      throws ConfigException, IOException {
    List<ObjectSource> sources = new ArrayList<>();
    if (targets.isEmpty()) {
      if (job == null) {
        throw new IllegalArgumentException("no target and no job");
      }
      sources.addAll(JobSources.inS3(job, s3(), accountId));
      return sources;
    }
    ObjectScope scope = job == null ? ObjectScope.ALL : job.scope();
    for (String target : targets) {
      if (target.startsWith("s3://")) {
        String rest = target.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
          throw new ConfigException(
              target, null, "an S3 target is s3://bucket or s3://bucket/prefix");
        }
        if (job != null && job.bucketCriteria() == null && !job.definedBuckets().contains(bucket)) {
          throw new ConfigException(
              job.file(),
              "s3JobDefinition.bucketDefinitions",
              "does not name bucket " + bucket + " of target " + target);
        }
        sources.add(s3().bucket(bucket, prefix, scope));
        continue;
      }
      Path path = Path.of(target);
      if (!Files.exists(path)) {
        throw new NoSuchFileException(target, null, "no such file or directory");
      }
      Path root = path.toAbsolutePath().normalize();
      if (exportRoot || (job != null && JobSources.isExportOf(job, root, accountId))) {
        if (job != null) {
          sources.addAll(JobSources.inExport(job, root, accountId));
          for (String b :
              job.bucketCriteria() == null
                  ? job.definedBuckets()
                  : LocalSource.exportBuckets(root)) {
            localBuckets.put(b, root.resolve(b));
          }
        } else {
          for (String b : LocalSource.exportBuckets(root)) {
            sources.add(LocalSource.of(root.resolve(b), b));
            localBuckets.put(b, root.resolve(b));
          }
        }
        continue;
      }
      LocalSource local = LocalSource.of(root, bucketName);
      if (job != null
          && job.bucketCriteria() == null
          && !job.definedBuckets().contains(local.bucket())) {
        throw new ConfigException(
            job.file(),
            "s3JobDefinition.bucketDefinitions",
            target
                + " is neither an export holding the job's buckets nor one of them ("
                + String.join(", ", job.definedBuckets())
                + "); give --bucket-name or --export-root");
      }
      sources.add(job == null ? local : new ScopedSource(local, scope));
      if (Files.isDirectory(root)) {
        localBuckets.put(local.bucket(), root);
      }
    }
    return sources;
  }

  /**
   * Reads an allow list's {@code s3WordsList}: from the scanned local root or export when it holds
   * that bucket, else from S3.
   *
   * @return the lines, or null when the object cannot be read
   */
  public List<String> readWordsList(String bucket, String key) {
    Path root = localBuckets.get(bucket);
    if (root != null) {
      Path file = root.resolve(key).normalize();
      if (!file.startsWith(root)) {
        return null;
      }
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    }
    return s3().readLines(bucket, key);
  }

  /** The account of the credentials in use, when S3 is in use and STS answers. */
  public Optional<String> callerAccountId() {
    return s3().callerAccountId();
  }

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
