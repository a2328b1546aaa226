package dev.assay.spark;

import dev.assay.engine.report.Finding;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one task (or, summed, a whole run) scanned: objects, bytes, problems, findings by severity
 * and by sensitive data type. Types are managed identifier ids and custom identifier names, as
 * findings name them; counts are of the findings' reported occurrences.
 *
 * @param problems a message per object that could not be (fully) read or analysed, at most {@link
 *     #MAX_PROBLEMS} kept
 */
record TaskStats(
    long objects,
    long bytes,
    long objectsWithProblems,
    long findings,
    Map<String, Long> bySeverity,
    Map<String, Long> objectsByType,
    Map<String, Long> occurrencesByType,
    long maxSeverityScore,
    List<String> problems)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int MAX_PROBLEMS = 100;

  static TaskStats empty() {
    return new TaskStats(
        0, 0, 0, 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0, new ArrayList<>());
  }

  /** Counts {@code finding} in. */
  TaskStats withFinding(Finding finding) {
    Map<String, Long> severity = new TreeMap<>(bySeverity);
    Map<String, Long> objectsBy = new TreeMap<>(objectsByType);
    Map<String, Long> occurrencesBy = new TreeMap<>(occurrencesByType);
    long score = maxSeverityScore;
    if (finding.severity() != null) {
      severity.merge(finding.severity().description(), 1L, Long::sum);
      score = Math.max(score, finding.severity().score() == null ? 0 : finding.severity().score());
    }
    Finding.ClassificationDetails details = finding.classificationDetails();
    if (details != null && details.result() != null) {
      if (details.result().sensitiveData() != null) {
        for (Finding.SensitiveDataItem item : details.result().sensitiveData()) {
          for (Finding.DefaultDetection d : item.detections()) {
            objectsBy.merge(d.type(), 1L, Long::sum);
            occurrencesBy.merge(d.type(), d.count() == null ? 0 : d.count(), Long::sum);
          }
        }
      }
      if (details.result().customDataIdentifiers() != null
          && details.result().customDataIdentifiers().detections() != null) {
        for (Finding.CustomDetection d : details.result().customDataIdentifiers().detections()) {
          objectsBy.merge(d.name(), 1L, Long::sum);
          occurrencesBy.merge(d.name(), d.count() == null ? 0 : d.count(), Long::sum);
        }
      }
    }
    return new TaskStats(
        objects,
        bytes,
        objectsWithProblems,
        findings + 1,
        severity,
        objectsBy,
        occurrencesBy,
        score,
        problems);
  }

  /** Counts an object in: its bytes analysed, and its problem when it has one. */
  TaskStats withObject(long bytesAnalysed, String problem) {
    List<String> kept = problems;
    if (problem != null && problems.size() < MAX_PROBLEMS) {
      kept = new ArrayList<>(problems);
      kept.add(problem);
    }
    return new TaskStats(
        objects + 1,
        bytes + bytesAnalysed,
        objectsWithProblems + (problem == null ? 0 : 1),
        findings,
        bySeverity,
        objectsByType,
        occurrencesByType,
        maxSeverityScore,
        kept);
  }

  TaskStats plus(TaskStats o) {
    Map<String, Long> severity = new TreeMap<>(bySeverity);
    o.bySeverity.forEach((k, v) -> severity.merge(k, v, Long::sum));
    Map<String, Long> objectsBy = new TreeMap<>(objectsByType);
    o.objectsByType.forEach((k, v) -> objectsBy.merge(k, v, Long::sum));
    Map<String, Long> occurrencesBy = new TreeMap<>(occurrencesByType);
    o.occurrencesByType.forEach((k, v) -> occurrencesBy.merge(k, v, Long::sum));
    List<String> kept = new ArrayList<>(problems);
    for (String p : o.problems) {
      if (kept.size() < MAX_PROBLEMS) {
        kept.add(p);
      }
    }
    return new TaskStats(
        objects + o.objects,
        bytes + o.bytes,
        objectsWithProblems + o.objectsWithProblems,
        findings + o.findings,
        severity,
        objectsBy,
        occurrencesBy,
        Math.max(maxSeverityScore, o.maxSeverityScore),
        kept);
  }
}
