package dev.assay.engine.extract;

/** How an object's text is extracted; decides the kind of location its occurrences get. */
public enum Format {
  /** Non-binary text of any kind (plain, XML, HTML, YAML, source, logs): line ranges. */
  TEXT,
  /** Comma-separated values: cells, with the header naming each column. */
  CSV,
  /** Tab-separated values: cells. */
  TSV,
  /** A JSON document: records (index 0) with JSON paths. */
  JSON,
  /** JSON Lines: one record a line. */
  JSON_LINES,
  /** Anything Tika parses: office documents, PDF, email, archives. */
  DOCUMENT,
  /** Images, audio, video and other media that Macie never analyses. */
  MEDIA
}
