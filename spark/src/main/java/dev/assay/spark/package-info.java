/**
 * Assay on Apache Spark: {@link dev.assay.spark.SparkScan} runs {@code assay scan} across a
 * cluster. The driver lists the objects with the engine's own sources and deals them into
 * partitions of about equal size; each executor builds the detector once and scans its partitions
 * with the engine's {@code ScanSession}, fetching the objects itself; each task commits its part
 * files, so a retried task replaces its failed attempt's output and a rerun resumes from what is
 * committed.
 */
package dev.assay.spark;
