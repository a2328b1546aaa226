package dev.assay.engine.config;

import dev.assay.engine.source.ObjectScope;
import dev.assay.engine.source.ScanObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A classification job's object scope (S3JobDefinition's rules): {@code scoping.includes} and
 * {@code scoping.excludes}, each an AND of terms, with excludes beating includes, then {@code
 * samplingPercentage}.
 *
 * <p>Sampling is deterministic: an object is picked when a hash (SHA-256) of the job's name, the
 * bucket and the key falls in the first {@code samplingPercentage} of 100 buckets, so a rerun of
 * the same job picks the same objects, in S3 and in a local export alike. Macie picks at random; it
 * promises only the proportion, which this keeps.
 *
 * <p>A term whose fact is unknown (see {@link ScopeTerm#test}) neither includes nor excludes.
 * Immutable and thread-safe.
 */
public final class JobScope implements ObjectScope {
  private final List<ScopeTerm> includes;
  private final List<ScopeTerm> excludes;
  private final int samplingPercentage;
  private final String jobName;

  JobScope(
      List<ScopeTerm> includes, List<ScopeTerm> excludes, int samplingPercentage, String jobName) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
    this.samplingPercentage = samplingPercentage;
    this.jobName = jobName;
  }

  @Override
  public boolean needsTags() {
    return includes.stream().anyMatch(ScopeTerm::needsTags)
        || excludes.stream().anyMatch(ScopeTerm::needsTags);
  }

  @Override
  public boolean includes(ScanObject object) {
    for (ScopeTerm t : includes) {
      if (Boolean.FALSE.equals(t.test(object))) {
        return false;
      }
    }
    if (!excludes.isEmpty()) {
      boolean all = true;
      for (ScopeTerm t : excludes) {
        if (!Boolean.TRUE.equals(t.test(object))) {
          all = false;
          break;
        }
      }
      if (all) {
        return false;
      }
    }
    return sampled(object.bucket(), object.key());
  }

  /** Whether sampling picks this object (always, at 100 percent). */
  boolean sampled(String bucket, String key) {
    if (samplingPercentage >= 100) {
      return true;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(jobName.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(bucket.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(key.getBytes(StandardCharsets.UTF_8));
      long h = ByteBuffer.wrap(sha.digest()).getLong();
      return Long.remainderUnsigned(h, 100) < samplingPercentage;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
