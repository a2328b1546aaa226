package dev.assay.engine.source;

/**
 * Which enumerated objects are in scope: a classification job's scoping and sampling, or
 * everything. Sources that pay for object tags (S3) fetch them only when {@link #needsTags()}.
 * Implementations are immutable and thread-safe.
 */
public interface ObjectScope {

  /** Every object. */
  ObjectScope ALL =
      new ObjectScope() {
        @Override
        public boolean needsTags() {
          return false;
        }

        @Override
        public boolean includes(ScanObject object) {
          return true;
        }
      };

  /** Whether {@link #includes} looks at the object's tags. */
  boolean needsTags();

  /**
   * Whether {@code object} is in scope, judged on its bucket, key, size and last modification time
   * (and tags when {@link #needsTags()}). A condition on a fact that is not known (the size of a
   * file that cannot be read) neither includes nor excludes: such objects stay in scope, so that a
   * problem is reported rather than hidden.
   */
  boolean includes(ScanObject object);
}
