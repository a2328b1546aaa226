package dev.assay.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running scan, for a progress display: objects and bytes found by the sources
 * (when they can tell in advance), and objects and bytes finished. Updated by the scan's threads
 * and read by anyone; thread-safe. Bytes are object sizes in bytes.
 */
public final class ScanProgress {
  private final AtomicLong announcedObjects = new AtomicLong();
  private final AtomicLong announcedBytes = new AtomicLong();
  private final AtomicLong enumeratedObjects = new AtomicLong();
  private final AtomicLong enumeratedBytes = new AtomicLong();
  private final AtomicLong doneObjects = new AtomicLong();
  private final AtomicLong doneBytes = new AtomicLong();
  private final AtomicBoolean enumerationComplete = new AtomicBoolean();

  void announced(long objects, long bytes) {
    announcedObjects.addAndGet(objects);
    announcedBytes.addAndGet(bytes);
  }

  void enumerated(long bytes) {
    enumeratedObjects.incrementAndGet();
    enumeratedBytes.addAndGet(Math.max(0, bytes));
  }

  void done(long bytes) {
    doneObjects.incrementAndGet();
    doneBytes.addAndGet(Math.max(0, bytes));
  }

  void enumerationComplete() {
    enumerationComplete.set(true);
  }

  /** Objects known to be in scope: announced in advance or enumerated, whichever is more. */
  public long totalObjects() {
    return Math.max(announcedObjects.get(), enumeratedObjects.get());
  }

  /** Bytes known to be in scope. */
  public long totalBytes() {
    return Math.max(announcedBytes.get(), enumeratedBytes.get());
  }

  /** Whether the totals are final (every source has told its totals or finished enumerating). */
  public boolean totalsKnown() {
    return enumerationComplete.get() || announcedObjects.get() > 0;
  }

  public long doneObjects() {
    return doneObjects.get();
  }

  public long doneBytes() {
    return doneBytes.get();
  }
}
