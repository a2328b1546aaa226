/**
 * Triage, the step between detection and output: {@link dev.assay.engine.triage.Triage} decides,
 * from an object's detections and their counts, whether Macie would report a finding for it, with
 * which severity and of which {@link dev.assay.engine.triage.FindingType}. Stateless.
 */
package dev.assay.engine.triage;
