package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;

/**
 * A piece of extracted text with what is needed to locate matches in it. Long texts arrive as
 * overlapping windows: only matches that start in {@code [reportFrom, reportTo)} belong to this
 * segment; the rest of the text is context for keywords and for matches that cross the boundary.
 *
 * @param text the text; valid only during the sink call that receives it
 * @param reportFrom first char offset whose matches this segment reports
 * @param reportTo char offset past the last one this segment reports
 * @param origin where {@code text} char 0 sits in the object
 * @param field column name or JSON path names, for the structured proximity rules
 */
public record Segment(
    CharSequence text, int reportFrom, int reportTo, Origin origin, FieldContext field) {

  /** A segment that reports all of {@code text}. */
  public static Segment whole(CharSequence text, Origin origin, FieldContext field) {
    return new Segment(text, 0, text.length(), origin, field);
  }

  /**
   * Where a segment's text comes from; maps char offsets in it to a {@link
   * dev.assay.engine.Location}.
   */
  public sealed interface Origin {}

  /**
   * Unstructured text whose char 0 is at {@code line}, {@code column} (both 1-based), optionally on
   * PDF page {@code page} (0 when not paged).
   */
  public record TextAt(long line, long column, long page) implements Origin {
    public static final TextAt START = new TextAt(1, 1, 0);
  }

  /** The value of one CSV, TSV or Excel cell. */
  public record CellAt(long row, long column, String columnName, String cellReference)
      implements Origin {}

  /** A value in a JSON, JSON Lines, Avro or Parquet record. */
  public record RecordAt(long recordIndex, String jsonPath) implements Origin {}

  /**
   * Text of a file extracted from an archive: {@code at} is where it sits in that file, in the
   * file's own kind of location. Never nested: a file in a nested archive has the joined path.
   */
  public record InFile(EmbeddedFile file, Origin at) implements Origin {}
}
