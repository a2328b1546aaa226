package dev.assay.engine.report;

import java.time.Duration;
import java.util.List;

/**
 * What a writer writes: the findings of a scan, sorted by bucket and key, and its totals.
 *
 * @param findings the findings, one per object with reportable detections
 * @param objects objects in scope
 * @param bytes bytes analysed
 * @param objectsWithProblems objects that could not be (fully) read or analysed
 * @param elapsed wall time of the scan
 */
public record ScanReport(List<Finding> findings, long objects, long bytes, long objectsWithProblems, Duration elapsed) {
  public ScanReport {
    findings = List.copyOf(findings);
  }
}
