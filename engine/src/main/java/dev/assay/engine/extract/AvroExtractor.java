package dev.assay.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericContainer;
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
        walk(reuse, index++, root, sink);
      }
    } catch (IOException | RuntimeException e) {
      throw Extraction.unparsable("Avro", e);
    }
  }

  private static void walk(Object value, long record, JsonPathNode path, SegmentSink sink) {
    if (value == null || value instanceof Boolean || value instanceof ByteBuffer) {
      return;
    }
    if (value instanceof GenericRecord r) {
      for (Schema.Field field : r.getSchema().getFields()) {
        walk(r.get(field.pos()), record, path.child(field.name()), sink);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        walk(e.getValue(), record, path.child(String.valueOf(e.getKey())), sink);
      }
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, record, path.child(i++), sink);
      }
    } else if (value instanceof GenericContainer) {
      return; // fixed: bytes, not text
    } else {
      String text = value.toString();
      if (!text.isEmpty()) {
        sink.accept(
            Segment.whole(text, new Segment.RecordAt(record, path.jsonPath()), path.field()));
      }
    }
  }
}
