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
  /** PDF, page by page: pages. */
  PDF,
  /** Word (.doc, .docx), through Tika's text: line ranges. */
  WORD,
  /** Excel (.xls, .xlsx), every sheet, read with POI: cells with {@code Sheet1!B7} references. */
  EXCEL,
  /** An RFC 822 message (.eml): headers, text parts and attachments as text; line ranges. */
  EMAIL,
  /** Apache Avro object container: records. */
  AVRO,
  /** Apache Parquet: records. */
  PARQUET,
  /** ZIP archive: each entry extracted by its own format. */
  ZIP,
  /** TAR archive. */
  TAR,
  /** GZIP: one compressed member (a .tar.gz holds a TAR). */
  GZIP,
  /** Anything else Tika parses (RTF, OpenDocument, PowerPoint, ...): line ranges. */
  DOCUMENT,
  /** Images, audio, video and other media that Macie never analyses. */
  MEDIA
}
