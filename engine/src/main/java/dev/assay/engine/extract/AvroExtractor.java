package dev.assay.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads an Avro object container record by record, streaming, and emits every string, number and
 * enum value with its 0-based record index and JSON path (Macie's Occurrences structures: {@code
 * records}). Paths follow {@link JsonExtractor#jsonPath}'s rules (the same form as for JSON); the
 * field names along the path are the value's field context. Bytes and fixed values are not text and
 * are not scanned.
 *
 * <p>Stateless. Consumes but does not close the stream.
 */
final class AvroExtractor {
  private AvroExtractor() {}

  static void extract(InputStream in, SegmentSink sink) throws IOException, ExtractionException {
    try (DataFileStream<Object> records =
        new DataFileStream<>(Extraction.nonClosing(in), new GenericDatumReader<>())) {
      long index = 0;
      Object reuse = null;
      JsonPathNode root = JsonPathNode.root();
      while (records.hasNext()) {
        reuse = records.next(reuse);
        walk(reuse, records.getSchema(), index++, root, sink);
      }
    } catch (IOException | RuntimeException e) {
      throw Extraction.unparsable("Avro", e);
    }
  }

  /**
   * Walks a value by its schema, which says what it holds without a chain of type tests on every
   * value (those cost as much as decoding the record); a union's branch is the one Avro resolves
   * the value to.
   */
  private static void walk(
      Object value, Schema schema, long record, JsonPathNode path, SegmentSink sink) {
    switch (schema.getType()) {
      case RECORD -> {
        GenericRecord r = (GenericRecord) value;
        for (Schema.Field field : schema.getFields()) {
          walk(r.get(field.pos()), field.schema(), record, path.child(field.name()), sink);
        }
      }
      case ARRAY -> {
        Schema items = schema.getElementType();
        int i = 0;
        for (Object item : (Collection<?>) value) {
          walk(item, items, record, path.child(i++), sink);
        }
      }
      case MAP -> {
        Schema values = schema.getValueType();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          walk(e.getValue(), values, record, path.child(String.valueOf(e.getKey())), sink);
        }
      }
      case STRING, ENUM, INT, LONG, FLOAT, DOUBLE -> emit(value.toString(), record, path, sink);
      case UNION ->
          walk(
              value,
              schema.getTypes().get(GenericData.get().resolveUnion(schema, value)),
              record,
              path,
              sink);
      case BOOLEAN, BYTES, FIXED, NULL -> {
        // not text
      }
    }
  }

  private static void emit(String text, long record, JsonPathNode path, SegmentSink sink) {
    if (!text.isEmpty()) {
      sink.acceptRecordValue(text, record, path, path.field());
    }
  }
}
