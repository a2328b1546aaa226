package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The Avro extractor, which walks a record by its schema, against a walk by each value's own type:
 * the same values, in the same order, with the same record index, JSON path and field context, on
 * seeded random records with unions, nested records, arrays, maps, enums, fixed, bytes and every
 * primitive type, with ASCII and other strings. An enum's symbol is text, and is scanned.
 */
class AvroExtractorTest {
  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "Row", "fields": [
                {"name": "id", "type": "long"},
                {"name": "age", "type": ["null", "int"]},
                {"name": "score", "type": "float"},
                {"name": "amount", "type": "double"},
                {"name": "active", "type": "boolean"},
                {"name": "status", "type": {"type": "enum", "name": "Status",
                  "symbols": ["PAID", "OPEN", "VOID"]}},
                {"name": "code", "type": {"type": "fixed", "name": "Code", "size": 4}},
                {"name": "blob", "type": "bytes"},
                {"name": "note", "type": ["null", "string"]},
                {"name": "tags", "type": {"type": "array", "items": "string"}},
                {"name": "attributes", "type": {"type": "map", "values": ["long", "string"]}},
                {"name": "customer", "type": ["null", {"type": "record", "name": "Customer",
                  "fields": [
                    {"name": "ssn", "type": "string"},
                    {"name": "phones", "type": {"type": "array", "items": {"type": "record",
                      "name": "Phone", "fields": [{"name": "number", "type": "string"}]}}}]}]}
              ]}
              """);

  @Test
  void valuesPathsAndOrder_areThoseOfAWalkByEachValuesType() throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      rows.add(row(r));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(SCHEMA))) {
      writer.create(SCHEMA, bytes);
      for (GenericRecord row : rows) {
        writer.append(row);
      }
    }
    List<String> expected = new ArrayList<>();
    try (DataFileStream<Object> records =
        new DataFileStream<>(
            new ByteArrayInputStream(bytes.toByteArray()), new GenericDatumReader<>())) {
      long index = 0;
      JsonPathNode root = JsonPathNode.root();
      while (records.hasNext()) {
        byType(records.next(), index++, root, expected);
      }
    }
    List<String> actual = new ArrayList<>();
    AvroExtractor.extract(new ByteArrayInputStream(bytes.toByteArray()), s -> actual.add(text(s)));
    assertThat(expected).hasSizeGreaterThan(10_000);
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(actual).anyMatch(v -> v.contains("$.status FieldContext[names=[status]] = PAID"));
  }

  private static GenericRecord row(SplittableRandom r) {
    GenericRecord g = new GenericData.Record(SCHEMA);
    g.put("id", r.nextLong(1_000_000_000L));
    g.put("age", r.nextBoolean() ? null : r.nextInt(100));
    g.put("score", (float) r.nextDouble());
    g.put("amount", r.nextInt(100_000) / 100.0);
    g.put("active", r.nextBoolean());
    Schema status = SCHEMA.getField("status").schema();
    g.put("status", new GenericData.EnumSymbol(status, status.getEnumSymbols().get(r.nextInt(3))));
    g.put(
        "code",
        new GenericData.Fixed(SCHEMA.getField("code").schema(), new byte[] {'1', '2', '3', '4'}));
    g.put("blob", ByteBuffer.wrap(("ssn 123-45-" + r.nextInt(10_000)).getBytes()));
    g.put(
        "note",
        switch (r.nextInt(4)) {
          case 0 -> null;
          case 1 -> "";
          case 2 -> "Zo\u00eb M\u00fcller \u260e 555-01" + r.nextInt(99); // not ASCII
          default -> "call 555-01" + r.nextInt(99);
        });
    List<String> tags = new ArrayList<>();
    for (int t = r.nextInt(4); t > 0; t--) {
      tags.add("tag" + r.nextInt(6));
    }
    g.put("tags", tags);
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int a = r.nextInt(4); a > 0; a--) {
      attributes.put("k" + r.nextInt(10), r.nextBoolean() ? (Object) r.nextLong() : "v" + a);
    }
    g.put("attributes", attributes);
    if (r.nextInt(3) > 0) {
      Schema customer = SCHEMA.getField("customer").schema().getTypes().get(1);
      GenericRecord c = new GenericData.Record(customer);
      c.put("ssn", String.format("%09d", r.nextInt(1_000_000_000)));
      List<GenericRecord> phones = new ArrayList<>();
      Schema phone = customer.getField("phones").schema().getElementType();
      for (int p = r.nextInt(3); p > 0; p--) {
        GenericRecord ph = new GenericData.Record(phone);
        ph.put("number", "+1 202 555 0" + r.nextInt(1000));
        phones.add(ph);
      }
      c.put("phones", phones);
      g.put("customer", c);
    }
    return g;
  }

  private static String text(Segment s) {
    Segment.RecordAt at = (Segment.RecordAt) s.origin();
    return at.recordIndex() + " " + at.jsonPath() + " " + s.field() + " = " + s.text();
  }

  private static void byType(Object value, long record, JsonPathNode path, List<String> out) {
    if (value == null || value instanceof Boolean || value instanceof ByteBuffer) {
      return;
    }
    if (value instanceof GenericRecord r) {
      for (Schema.Field field : r.getSchema().getFields()) {
        byType(r.get(field.pos()), record, path.child(field.name()), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        byType(e.getValue(), record, path.child(String.valueOf(e.getKey())), out);
      }
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        byType(item, record, path.child(i++), out);
      }
    } else if ((!(value instanceof GenericContainer) || value instanceof GenericEnumSymbol<?>)
        && !value.toString().isEmpty()) {
      out.add(record + " " + path.jsonPath() + " " + path.field() + " = " + value);
    }
  }
}
