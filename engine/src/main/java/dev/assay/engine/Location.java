package dev.assay.engine;

import dev.assay.engine.extract.EmbeddedFile;

/**
 * Where one occurrence sits in an object, in the form Macie's {@code Occurrences} reports it for
 * the object's file type (Macie User Guide, "Schema for reporting the location of sensitive data").
 * Lines, columns, rows and pages are 1-based; record indexes are 0-based.
 */
public sealed interface Location {

  /**
   * A {@code Range} of {@code lineRanges}: text, email, HTML, XML, YAML, Word and other
   * unstructured text, and hits in a CSV header.
   *
   * @param start line of the first char (1-based)
   * @param end line of the last char (1-based)
   * @param startColumn column of the first char on its line (1-based, in chars, spaces counted)
   */
  record Line(long start, long end, long startColumn) implements Location {}

  /**
   * A {@code Cell} of {@code cells}: CSV, TSV and Excel.
   *
   * @param row 1-based row, the header being row 1
   * @param column 1-based column (A = 1)
   * @param columnName the header of the column, or null
   * @param cellReference Excel's reference such as {@code Sheet1!B7}; null for CSV and TSV
   */
  record Cell(long row, long column, String columnName, String cellReference) implements Location {}

  /**
   * A {@code Record} of {@code records}: JSON (index 0), JSON Lines (0-based line), Avro and
   * Parquet (0-based record).
   *
   * @param recordIndex the record's 0-based index
   * @param jsonPath the JSONPath of the value, or null when Macie would omit it
   */
  record Record(long recordIndex, String jsonPath) implements Location {}

  /**
   * A {@code Page} of {@code pages}: PDF.
   *
   * @param pageNumber 1-based page
   */
  record Page(long pageNumber) implements Location {}

  /**
   * An occurrence in a file extracted from an archive: {@code at} is its location in that file, of
   * the file's own kind. Macie's finding for an archive carries no per-file location, so findings
   * leave these out; discovery results report them per extracted file with {@code file} as {@code
   * embeddedFileDetails} (Macie's sensitive data discovery results).
   *
   * @param file the extracted file
   * @param at the location within it; never itself an {@code Embedded}
   */
  record Embedded(EmbeddedFile file, Location at) implements Location {}
}
