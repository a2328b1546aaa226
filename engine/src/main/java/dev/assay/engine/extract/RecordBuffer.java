package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What an extractor hands over for one record, held until the record is known to be whole and then
 * replayed in order, each call as it was made: a JSON line that turns out malformed is then read as
 * text instead, and no part of it is counted twice. Not thread-safe; reused record after record.
 */
final class RecordBuffer implements SegmentSink {
  private static final byte SEGMENT = 0;
  private static final byte VALUE = 1;
  private static final byte NAME = 2;

  private byte[] kinds = new byte[64];
  private Object[] texts = new Object[64]; // a Segment, or a value or a name
  private long[] records = new long[64];
  private Object[] paths = new Object[64]; // a value's supplier of its JSON path
  private FieldContext[] fields = new FieldContext[64];
  private int size;

  @Override
  public void accept(Segment segment) {
    add(SEGMENT, segment, 0, null, null);
  }

  @Override
  public void acceptRecordValue(
      String value, long recordIndex, Supplier<String> jsonPath, FieldContext field) {
    add(VALUE, value, recordIndex, jsonPath, field);
  }

  @Override
  public void acceptName(String name, long recordIndex, FieldContext field) {
    add(NAME, name, recordIndex, null, field);
  }

  private void add(byte kind, Object text, long record, Object path, FieldContext field) {
    if (size == kinds.length) {
      int n = size * 2;
      kinds = Arrays.copyOf(kinds, n);
      texts = Arrays.copyOf(texts, n);
      records = Arrays.copyOf(records, n);
      paths = Arrays.copyOf(paths, n);
      fields = Arrays.copyOf(fields, n);
    }
    kinds[size] = kind;
    texts[size] = text;
    records[size] = record;
    paths[size] = path;
    fields[size] = field;
    size++;
  }

  /** Makes each call held, in order, on {@code sink}, then holds nothing. */
  @SuppressWarnings("unchecked") // a VALUE's path is the Supplier<String> it came with
  void replayTo(SegmentSink sink) {
    for (int i = 0; i < size; i++) {
      switch (kinds[i]) {
        case VALUE ->
            sink.acceptRecordValue(
                (String) texts[i], records[i], (Supplier<String>) paths[i], fields[i]);
        case NAME -> sink.acceptName((String) texts[i], records[i], fields[i]);
        default -> sink.accept((Segment) texts[i]);
      }
    }
    clear();
  }

  /** Forgets what is held. */
  void clear() {
    Arrays.fill(texts, 0, size, null);
    Arrays.fill(paths, 0, size, null);
    Arrays.fill(fields, 0, size, null);
    size = 0;
  }
}
