package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.util.function.Supplier;

/**
 * Receives the segments an extractor produces, in document order. Called from one thread.
 *
 * <p>Structured extractors hand each value over with {@link #acceptRecordValue} or {@link
 * #acceptCell}, and each name in a record with {@link #acceptName}: a sink that batches values
 * keeps their locations without a segment and an origin per value, which were a quarter of the
 * bytes a scan of CSV, JSON or Parquet allocated. Both mean exactly what the {@link #accept} they
 * default to means.
 */
@FunctionalInterface
public interface SegmentSink {
  void accept(Segment segment);

  /**
   * A whole value at the JSON path {@code jsonPath} gives (null when it cannot be named) in the
   * record with 0-based index {@code recordIndex}: as {@link #accept} of a {@link Segment#whole} at
   * a {@link Segment.RecordAt}. The path is asked for only where it is reported, as most values
   * have nothing to report: a record of a JSON array has paths of its own ({@code $[7].user}), one
   * String each. The supplier may be kept, and asked for it later, from the same thread.
   */
  default void acceptRecordValue(
      String value, long recordIndex, Supplier<String> jsonPath, FieldContext field) {
    accept(Segment.whole(value, new Segment.RecordAt(recordIndex, jsonPath.get()), field));
  }

  /**
   * As {@link #acceptRecordValue}, for value {@code id} of a set of repeating values whose empty
   * ones {@code known} records under its field context, which is {@code field}. A sink that finds
   * no candidates in the value may mark it there, once the value is scanned (later than this call,
   * as values are scanned in batches); the extractor then skips it when it comes again. By default,
   * an {@link #acceptRecordValue} that marks nothing.
   */
  default void acceptRepeatedValue(
      String value,
      long recordIndex,
      Supplier<String> jsonPath,
      FieldContext field,
      KnownEmptyValues known,
      int id) {
    acceptRecordValue(value, recordIndex, jsonPath, field);
  }

  /**
   * The name of a member of an object in the record with 0-based index {@code recordIndex}, under
   * the field names of the object it is in: as {@link #accept} of a {@link Segment#whole} at a
   * {@link Segment.RecordAt} with no JSON path. Records repeat their names, and a sink may skip a
   * name under the same field names that it has scanned before and found nothing in.
   */
  default void acceptName(String name, long recordIndex, FieldContext field) {
    accept(Segment.whole(name, new Segment.RecordAt(recordIndex, null), field));
  }

  /**
   * The whole cell {@code chars[from, from + length)} at 1-based {@code row} and {@code column},
   * under {@code columnName} (null when the column has no name): as {@link #accept} of a {@link
   * Segment#whole} at a {@link Segment.CellAt} with no cell reference. A reader hands over a cell
   * still in its buffer, without making a String of it: the chars are valid during the call only
   * and must not be kept.
   */
  default void acceptCell(
      char[] chars,
      int from,
      int length,
      long row,
      long column,
      String columnName,
      FieldContext field) {
    accept(
        Segment.whole(
            new String(chars, from, length),
            new Segment.CellAt(row, column, columnName, null),
            field));
  }
}
