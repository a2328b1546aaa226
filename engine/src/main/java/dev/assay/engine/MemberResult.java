package dev.assay.engine;

import dev.assay.engine.extract.ArchiveMember;
import java.util.List;

/**
 * The outcome for one file extracted from an archive object: what Macie writes as that file's own
 * sensitive data discovery record, with {@code embeddedFileDetails} (Macie's sensitive data
 * discovery results). The archive's own result counts every file's occurrences; this one counts the
 * file's alone.
 *
 * @param member the file and what became of it
 * @param detections one per identifier with at least one occurrence in the file, in catalog then
 *     definition order; locations are the file's own (lines, cells, records, pages), at most {@link
 *     ObjectResult#MAX_LOCATIONS} per identifier
 */
public record MemberResult(ArchiveMember member, List<Detection> detections) {
  public MemberResult {
    detections = List.copyOf(detections);
  }
}
