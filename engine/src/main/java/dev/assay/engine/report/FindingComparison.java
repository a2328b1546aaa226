package dev.assay.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two sets of findings for the same scope compared per object and identifier: how many occurrences
 * of each sensitive data type (managed identifiers by type, custom ones by name, since their ids
 * differ between the two) each side reported for each object. Immutable.
 *
 * @param rows every (object, identifier) that either side reported, sorted by bucket, key and
 *     identifier
 */
public record FindingComparison(List<Row> rows) {
  public FindingComparison {
    rows = List.copyOf(rows);
  }

  /**
   * One object's count for one identifier on each side; 0 where that side reported none.
   *
   * @param identifier a managed type such as {@code USA_SOCIAL_SECURITY_NUMBER}, or {@code custom:}
   *     and a custom identifier's name
   */
  public record Row(String bucket, String key, String identifier, long left, long right) {
    public boolean differs() {
      return left != right;
    }
  }

  /** Compares {@code left} (say, the local engine's findings) with {@code right} (say, Macie's). */
  public static FindingComparison of(List<Finding> left, List<Finding> right) {
    Map<List<String>, long[]> counts = new TreeMap<>(FindingComparison::compareKeys);
    tally(left, counts, 0);
    tally(right, counts, 1);
    List<Row> rows = new ArrayList<>(counts.size());
    counts.forEach((k, v) -> rows.add(new Row(k.get(0), k.get(1), k.get(2), v[0], v[1])));
    return new FindingComparison(rows);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < 3; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static void tally(List<Finding> findings, Map<List<String>, long[]> counts, int side) {
    for (Finding f : findings) {
      String bucket =
          f.resourcesAffected() == null || f.resourcesAffected().s3Bucket() == null
              ? ""
              : Objects.toString(f.resourcesAffected().s3Bucket().name(), "");
      String key =
          f.resourcesAffected() == null || f.resourcesAffected().s3Object() == null
              ? ""
              : Objects.toString(f.resourcesAffected().s3Object().key(), "");
      Finding.ClassificationResult result =
          f.classificationDetails() == null ? null : f.classificationDetails().result();
      if (result == null) {
        continue;
      }
      if (result.sensitiveData() != null) {
        for (Finding.SensitiveDataItem item : result.sensitiveData()) {
          if (item.detections() != null) {
            for (Finding.DefaultDetection d : item.detections()) {
              add(counts, bucket, key, d.type(), d.count(), side);
            }
          }
        }
      }
      if (result.customDataIdentifiers() != null
          && result.customDataIdentifiers().detections() != null) {
        for (Finding.CustomDetection d : result.customDataIdentifiers().detections()) {
          add(counts, bucket, key, "custom:" + d.name(), d.count(), side);
        }
      }
    }
  }

  private static void add(
      Map<List<String>, long[]> counts,
      String bucket,
      String key,
      String identifier,
      Long count,
      int side) {
    counts
            .computeIfAbsent(List.of(bucket, key, String.valueOf(identifier)), k -> new long[2])[
            side] +=
        count == null ? 0 : count;
  }

  /** The rows whose counts differ. */
  public List<Row> differences() {
    return rows.stream().filter(Row::differs).toList();
  }

  /** The rows whose counts agree. */
  public List<Row> matches() {
    return rows.stream().filter(r -> !r.differs()).toList();
  }
}
