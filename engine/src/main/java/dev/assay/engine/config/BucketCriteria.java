package dev.assay.engine.config;

import dev.assay.engine.source.ScanObject;
import java.util.List;
import java.util.Optional;

/**
 * A job's {@code s3JobDefinition.bucketCriteria} (S3JobDefinition's rules): which buckets the job
 * covers, decided on the bucket name, the account and the bucket's tags. Conditions of a block are
 * AND-ed, values of a condition OR-ed, excludes beat includes. Criteria on {@code
 * S3_BUCKET_EFFECTIVE_PERMISSION} and {@code S3_BUCKET_SHARED_ACCESS} need Macie's bucket inventory
 * and are rejected when the file is read. Immutable.
 */
public final class BucketCriteria {
  private final String file;
  private final List<Criterion> includes;
  private final List<Criterion> excludes;

  BucketCriteria(String file, List<Criterion> includes, List<Criterion> excludes) {
    this.file = file;
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  /** Whether any criterion looks at bucket tags. */
  public boolean needsTags() {
    return includes.stream().anyMatch(c -> c instanceof TagCriterion)
        || excludes.stream().anyMatch(c -> c instanceof TagCriterion);
  }

  /**
   * Whether the job covers the bucket.
   *
   * @param accountId the account the buckets belong to, or null when not known
   * @param tags the bucket's tags, empty when they cannot be read
   * @throws ConfigException when a criterion needs a fact that is not known (the account, the tags)
   */
  public boolean matches(String bucket, String accountId, Optional<List<ScanObject.Tag>> tags)
      throws ConfigException {
    for (Criterion c : includes) {
      if (!c.test(file, bucket, accountId, tags)) {
        return false;
      }
    }
    if (excludes.isEmpty()) {
      return true;
    }
    for (Criterion c : excludes) {
      if (!c.test(file, bucket, accountId, tags)) {
        return true;
      }
    }
    return false;
  }

  /** One {@code CriteriaForJob}. */
  sealed interface Criterion {
    boolean test(String file, String bucket, String accountId, Optional<List<ScanObject.Tag>> tags)
        throws ConfigException;
  }

  /** {@code simpleCriterion} on ACCOUNT_ID or S3_BUCKET_NAME: EQ any of the values, or NE all. */
  record SimpleCriterion(String key, boolean equals, List<String> values) implements Criterion {
    @Override
    public boolean test(
        String file, String bucket, String accountId, Optional<List<ScanObject.Tag>> tags)
        throws ConfigException {
      String actual;
      if (key.equals("ACCOUNT_ID")) {
        if (accountId == null) {
          throw new ConfigException(
              file,
              "s3JobDefinition.bucketCriteria",
              "ACCOUNT_ID cannot be evaluated: the account is not known (give --account-id)");
        }
        actual = accountId;
      } else {
        actual = bucket;
      }
      return values.contains(actual) == equals;
    }
  }

  /**
   * {@code tagCriterion}: EQ when the bucket has any of the tags, NE when it has none. A tag with
   * only a key (or only a value) matches on that part alone.
   */
  record TagCriterion(boolean equals, List<ScanObject.Tag> tagValues) implements Criterion {
    @Override
    public boolean test(
        String file, String bucket, String accountId, Optional<List<ScanObject.Tag>> tags)
        throws ConfigException {
      if (tags.isEmpty()) {
        throw new ConfigException(
            file,
            "s3JobDefinition.bucketCriteria",
            "the tags of bucket "
                + bucket
                + " cannot be read, so tagCriterion cannot be evaluated");
      }
      boolean any = false;
      for (ScanObject.Tag wanted : tagValues) {
        for (ScanObject.Tag t : tags.get()) {
          boolean keyOk = wanted.key().isEmpty() || wanted.key().equals(t.key());
          boolean valueOk = wanted.value().isEmpty() || wanted.value().equals(t.value());
          any |= keyOk && valueOk;
        }
      }
      return any == equals;
    }
  }
}
