package dev.assay.engine.config;

import dev.assay.engine.source.ScanObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One condition of a job's {@code scoping} (S3JobDefinition's rules): a {@code simpleScopeTerm} on
 * the object's extension, key, last modification date or size, or a {@code tagScopeTerm} on its
 * tags. Values are case-sensitive; several values of an EQ (or STARTS_WITH) term are OR-ed, and NE
 * means equal to none of them.
 */
sealed interface ScopeTerm {

  /**
   * Whether the object meets the condition; null when the fact is not known (a file that could not
   * be read has no size; S3 may refuse an object's tags).
   */
  Boolean test(ScanObject object);

  boolean needsTags();

  /** {@code simpleScopeTerm.key}: the object property a simple term looks at. */
  enum Key {
    OBJECT_EXTENSION,
    OBJECT_KEY,
    OBJECT_LAST_MODIFIED_DATE,
    OBJECT_SIZE
  }

  /** Macie's {@code JobComparator}. */
  enum Comparator {
    EQ,
    GT,
    GTE,
    LT,
    LTE,
    NE,
    CONTAINS,
    STARTS_WITH;

    /**
     * The outcome of a three-way comparison {@code cmp} (object vs value) under this comparator.
     */
    boolean accepts(int cmp) {
      switch (this) {
        case EQ:
          return cmp == 0;
        case NE:
          return cmp != 0;
        case GT:
          return cmp > 0;
        case GTE:
          return cmp >= 0;
        case LT:
          return cmp < 0;
        case LTE:
          return cmp <= 0;
        default:
          throw new IllegalStateException(name() + " does not order values");
      }
    }
  }

  /**
   * A {@code simpleScopeTerm}. For OBJECT_LAST_MODIFIED_DATE the object's time is compared at whole
   * seconds, the precision of S3's listing and of the ISO-8601 values jobs give.
   */
  record Simple(Key key, Comparator comparator, List<String> values) implements ScopeTerm {
    @Override
    public Boolean test(ScanObject object) {
      switch (key) {
        case OBJECT_EXTENSION:
          boolean any = values.contains(object.extension());
          return comparator == Comparator.NE ? !any : any;
        case OBJECT_KEY:
          for (String v : values) {
            if (comparator == Comparator.STARTS_WITH
                ? object.key().startsWith(v)
                : object.key().contains(v)) {
              return true;
            }
          }
          return false;
        case OBJECT_SIZE:
          if (object.size() < 0) {
            return null;
          }
          return comparator.accepts(Long.compare(object.size(), Long.parseLong(values.get(0))));
        case OBJECT_LAST_MODIFIED_DATE:
          if (object.lastModified() == null) {
            return null;
          }
          Instant at = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
          return comparator.accepts(at.compareTo(ClassificationJobFiles.instant(values.get(0))));
        default:
          throw new IllegalStateException(key.toString());
      }
    }

    @Override
    public boolean needsTags() {
      return false;
    }
  }

  /**
   * A {@code tagScopeTerm} on the object's tags: EQ when the object has any of the given tags, NE
   * when it has none. A tag given with value {@code ""} matches on its key alone.
   */
  record Tag(Comparator comparator, List<ScanObject.Tag> tagValues) implements ScopeTerm {
    @Override
    public Boolean test(ScanObject object) {
      List<ScanObject.Tag> tags = object.metadata().tags();
      if (tags == null) {
        return null;
      }
      boolean any = false;
      for (ScanObject.Tag wanted : tagValues) {
        for (ScanObject.Tag t : tags) {
          if (t.key().equals(wanted.key())
              && (wanted.value().isEmpty() || wanted.value().equals(t.value()))) {
            any = true;
          }
        }
      }
      return comparator == Comparator.NE ? !any : any;
    }

    @Override
    public boolean needsTags() {
      return true;
    }
  }
}
