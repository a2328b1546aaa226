package dev.assay.engine.report;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a writer writes: the findings of a scan, sorted by bucket and key, and its totals.
 *
 * @param findings the findings, one per object with reportable detections; not copied (a {@link
 *     FindingSpool}'s view reads them back from disk), so the caller must not change the list
 * @param objects objects in scope; -1 when not known here (the scan ran on Macie, whose job
 *     statistics do not count them)
 * @param bytes bytes analysed; 0 when not known
 * @param objectsWithProblems objects that could not be (fully) read or analysed
 * @param elapsed wall time of the scan
 * @param roots per bucket name, the URI of what was scanned as that bucket: a local root
 *     directory's {@code file:} URI (ending in {@code /}) or {@code s3://bucket/}; SARIF uses it to
 *     name artifacts. May be empty.
 */
public record ScanReport(
    List<Finding> findings,
    long objects,
    long bytes,
    long objectsWithProblems,
    Duration elapsed,
    Map<String, String> roots) {
  public ScanReport {
    // Not copied: a spool's view reads spilled findings back from disk as they are written.
    findings = Collections.unmodifiableList(findings);
    roots = Map.copyOf(roots);
  }

  /** A report with no roots known. */
  public ScanReport(
      List<Finding> findings,
      long objects,
      long bytes,
      long objectsWithProblems,
      Duration elapsed) {
    this(findings, objects, bytes, objectsWithProblems, elapsed, Map.of());
  }
}
