package dev.assay.engine.config;

import dev.assay.engine.source.LocalSource;
import dev.assay.engine.source.ObjectSource;
import dev.assay.engine.source.ScanObject;
import dev.assay.engine.source.ScopedSource;
import dev.assay.engine.source.SourceUnavailableException;
import dev.assay.engine.source.s3.S3Access;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sources a classification job scans: its buckets in S3, or the same buckets in a local export
 * (a directory whose subdirectories are bucket names), each under the job's scope. The same job
 * file thus works for a bucket and for its export. Stateless.
 */
public final class JobSources {
  private JobSources() {}

  /**
   * The job's buckets in S3: {@code bucketDefinitions} as named, or every bucket ListBuckets
   * returns that {@code bucketCriteria} selects. Each is checked before anything is scanned.
   *
   * @param accountId the account in use, or null when not known (for ACCOUNT_ID criteria)
   */
  public static List<ObjectSource> inS3(ClassificationJob job, S3Access s3, String accountId)
      throws ConfigException, SourceUnavailableException {
    List<String> buckets =
        job.bucketCriteria() == null
            ? job.definedBuckets()
            : select(job, s3.listBuckets(), accountId, s3::bucketTags);
    List<ObjectSource> sources = new ArrayList<>();
    for (String bucket : buckets) {
      sources.add(s3.bucket(bucket, "", job.scope()));
    }
    return sources;
  }

  /**
   * Whether {@code root} is an export of the job's buckets: a directory holding at least one of the
   * buckets of {@code bucketDefinitions} as a subdirectory, or, with {@code bucketCriteria}, at
   * least one subdirectory the criteria select.
   */
  public static boolean isExportOf(ClassificationJob job, Path root, String accountId)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return false;
    }
    List<String> present = LocalSource.exportBuckets(root);
    if (job.bucketCriteria() == null) {
      return job.definedBuckets().stream().anyMatch(present::contains);
    }
    try {
      return !select(job, present, accountId, b -> Optional.empty()).isEmpty();
    } catch (ConfigException e) {
      return !present.isEmpty();
    }
  }

  /**
   * The job's buckets under a local export root, as {@code aws s3 sync} leaves them.
   *
   * @throws ConfigException when a bucket the job names is not there, or a criterion needs bucket
   *     tags (an export has none)
   */
  public static List<ObjectSource> inExport(ClassificationJob job, Path root, String accountId)
      throws ConfigException, IOException {
    List<String> present = LocalSource.exportBuckets(root);
    List<String> buckets;
    if (job.bucketCriteria() == null) {
      buckets = job.definedBuckets();
      for (String b : buckets) {
        if (!present.contains(b)) {
          throw new ConfigException(
              job.file(),
              "s3JobDefinition.bucketDefinitions",
              "bucket "
                  + b
                  + " is not in the export "
                  + root
                  + " (no directory "
                  + root.resolve(b)
                  + ")");
        }
      }
    } else {
      buckets = select(job, present, accountId, b -> Optional.empty());
    }
    List<ObjectSource> sources = new ArrayList<>();
    for (String b : buckets) {
      sources.add(new ScopedSource(LocalSource.of(root.resolve(b), b), job.scope()));
    }
    return sources;
  }

  /** One local root reported as bucket {@code bucketName}, under the job's scope. */
  public static ObjectSource localRoot(ClassificationJob job, Path root, String bucketName)
      throws IOException {
    return new ScopedSource(LocalSource.of(root, bucketName), job.scope());
  }

  private static List<String> select(
      ClassificationJob job,
      List<String> candidates,
      String accountId,
      Function<String, Optional<List<ScanObject.Tag>>> tags)
      throws ConfigException {
    List<String> out = new ArrayList<>();
    for (String b : candidates) {
      if (job.bucketCriteria()
          .matches(
              b,
              accountId,
              job.bucketCriteria().needsTags() ? tags.apply(b) : Optional.of(List.of()))) {
        out.add(b);
      }
    }
    return out;
  }
}
