package dev.assay.identifiers;

import java.util.List;

/**
 * The names that describe where a text value sits in structured data: the column name of a CSV, TSV
 * or Excel cell, or the element names of a JSON, JSON Lines, Avro or Parquet value's JSON path. A
 * keyword in any of these names makes every match in the value near that keyword (Macie User Guide,
 * "Keyword requirements for managed data identifiers" and the custom identifier options).
 *
 * @param names the names; empty for unstructured text
 */
public record FieldContext(List<String> names) {
  /** Unstructured text: keywords must be found in the text itself. */
  public static final FieldContext NONE = new FieldContext(List.of());

  public FieldContext {
    names = List.copyOf(names);
  }

  public static FieldContext of(String... names) {
    return new FieldContext(List.of(names));
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }
}
