package dev.assay.engine.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Enumerates objects to scan: a local directory tree, a bucket export, an S3 bucket. Objects that
 * cannot be read are enumerated too, with {@link ScanObject#unavailable()} set, so that nothing is
 * silently skipped.
 */
public interface ObjectSource {

  /** A description for messages, such as the root path or the S3 URI. */
  String describe();

  /**
   * Calls {@code sink} once per object, in a stable order (by key), on the calling thread.
   *
   * @throws IOException when the source as a whole cannot be read (a missing root, for example)
   */
  void enumerate(Consumer<ScanObject> sink) throws IOException;

  /**
   * Like {@link #enumerate(Consumer)}, and tells {@code totals} how many objects and bytes are in
   * scope as soon as it knows, before the first object when it can (a local tree is listed first).
   * Sources that cannot tell in advance (a paged S3 listing) never call it.
   */
  default void enumerate(Consumer<ScanObject> sink, Totals totals) throws IOException {
    enumerate(sink);
  }

  /**
   * For a source of local (or shared-storage) files, the directory their keys are relative to, so
   * that another process can open an object as {@code root/key}; null for other sources.
   */
  default Path localRoot() {
    return null;
  }

  /** Receives a source's totals: objects, and their size in bytes. */
  @FunctionalInterface
  interface Totals {
    void announce(long objects, long bytes);
  }
}
