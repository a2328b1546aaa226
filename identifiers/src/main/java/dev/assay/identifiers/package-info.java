/**
 * Macie's vocabulary: data identifiers ({@link DataIdentifier}: {@link ManagedDataIdentifier},
 * {@link CustomDataIdentifier}), their {@link DetectionCriteria} and {@link Category}, severity
 * ({@link Severity}, {@link SeverityProfile}, {@link SeverityLevels}), {@link AllowList}s and
 * {@link Validator}s; the catalog is in {@code managed}, the check rules in {@code validate}. The
 * matching machinery lives in {@code dev.assay.identifiers.detect}: {@code Detector}, {@code
 * Candidate}, {@code Verdict}, {@code Seeds}, {@code TextBatch}. Definitions are immutable and
 * thread-safe.
 */
package dev.assay.identifiers;
