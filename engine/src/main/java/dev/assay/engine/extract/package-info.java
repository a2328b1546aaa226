/**
 * Extraction: {@link Extraction} turns an object's bytes into located text {@link Segment}s for the
 * detector, per {@link Format}: text by lines, CSV and Excel by cell, JSON, Avro and Parquet by
 * record, PDF by page, archives expanded file by file (each file's outcome an {@link
 * ArchiveMember}), all within {@link ExtractionLimits}. Long texts arrive as overlapping windows
 * ({@link TextWindower}). Nothing is written to disk. One {@link Extraction} is shared by all
 * workers; each object's extractors and {@link SegmentSink} run on one thread.
 */
package dev.assay.engine.extract;
