package dev.assay.engine;

import dev.assay.engine.source.ScanObject;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of analysing one object: Macie's classification result for it, before triage decides
 * whether it is a finding. Every object in scope gets one, clean, skipped or failed alike.
 *
 * @param object the object
 * @param statusCode {@code COMPLETE}, {@code PARTIAL} or {@code SKIPPED}
 * @param statusReason Macie's reason for PARTIAL or SKIPPED, null when COMPLETE
 * @param mimeType the detected MIME type, or null when not known
 * @param sizeClassified bytes analysed
 * @param detections one per identifier with at least one occurrence, in catalog then definition
 *     order
 * @param problem a message for people when something could not be analysed, or null
 * @param analyzedAt when the analysis finished
 * @param members for an archive, each extracted file's own result in the order read; empty for any
 *     other object, and for an archive whose analysis stopped before it could say (a time limit)
 */
public record ObjectResult(
    ScanObject object,
    String statusCode,
    String statusReason,
    String mimeType,
    long sizeClassified,
    List<Detection> detections,
    String problem,
    Instant analyzedAt,
    List<MemberResult> members) {

  /** Locations kept per detection: Macie's discovery results keep up to 1,000 per type. */
  public static final int MAX_LOCATIONS = 1000;

  public ObjectResult {
    detections = List.copyOf(detections);
    members = List.copyOf(members);
  }

  /** Whether the object could not be (fully) read or analysed: it makes a scan end with exit 3. */
  public boolean hasProblem() {
    return problem != null || !"COMPLETE".equals(statusCode);
  }

  /**
   * For people: {@code bucket/key: STATUS REASON: message} (the status left out when COMPLETE), or
   * null when the object has no problem.
   */
  public String problemDescription() {
    if (!hasProblem()) {
      return null;
    }
    String status = "COMPLETE".equals(statusCode) ? "" : statusCode + " " + statusReason + ": ";
    return object.bucket() + "/" + object.key() + ": " + status + (problem == null ? "" : problem);
  }
}
