package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;

/**
 * The values of a set that repeat, numbered from 0 (a Parquet column chunk's dictionary entries),
 * that a sink has scanned under one field context and found no candidates in. A value's candidates
 * depend only on its chars and its field names (Macie matches keywords in structured data against
 * the field names), so such a value, met again under the same field context, holds nothing: the
 * extractor need not hand it over again.
 *
 * <p>Not thread-safe: made, read and marked by one extraction's thread.
 */
public final class KnownEmptyValues {
  private final FieldContext field;
  private final long[] bits;

  /** For values {@code 0 .. size - 1} under {@code field}. */
  public KnownEmptyValues(FieldContext field, int size) {
    this.field = field;
    this.bits = new long[(size + 63) >>> 6];
  }

  /** The field context the marks hold for (compared by identity). */
  public FieldContext field() {
    return field;
  }

  /** Whether value {@code id} is known to hold no candidates under {@link #field()}. */
  public boolean contains(int id) {
    return (bits[id >>> 6] & 1L << id) != 0;
  }

  /** Marks value {@code id} as holding no candidates under {@link #field()}. */
  public void add(int id) {
    bits[id >>> 6] |= 1L << id;
  }
}
