/**
 * The scan engine: the pipeline enumerate → fetch → extract → detect → triage → write, from object
 * sources to findings and discovery results. {@link ScanSession} is the one entry point the CLI,
 * the server and the Spark runner call; with a {@link Checkpoint} it resumes a killed scan. {@link
 * Scanner} is the one place that owns threads: enumeration on the caller's, a pool of workers, one
 * writer, a watchdog for per-object time limits. Each object ends as an {@link ObjectResult} with a
 * {@link Detection} per identifier found, each occurrence at a {@link Location} as Macie reports
 * it.
 */
package dev.assay.engine;
