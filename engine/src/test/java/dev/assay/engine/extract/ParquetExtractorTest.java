package dev.assay.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.identifiers.FieldContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet extractor against parquet-mr's own records (its example Group API, read back and
 * walked field by field): the same values, in the same order, with the same record index, JSON path
 * and field context, on seeded random rows of every primitive type, optional and repeated fields,
 * and nested and repeated groups, dictionary-encoded and plain.
 */
class ParquetExtractorTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message row {"
              + " required int64 id; optional int32 age; optional float score;"
              + " required double amount; required boolean active; optional int96 seen;"
              + " optional fixed_len_byte_array(4) code; required binary status (UTF8);"
              + " optional binary note (UTF8); repeated binary tags (UTF8);"
              + " repeated boolean flags;"
              + " optional group customer { required binary ssn (UTF8);"
              + "   repeated group phones { required binary number (UTF8); optional int32 kind; }"
              + "   optional group address { optional binary street (UTF8); } }"
              + " repeated group items { required int64 sku; repeated binary names (UTF8); } }");

  @TempDir Path dir;

  @Test
  void valuesPathsAndOrder_areParquetMrsOwn() throws Exception {
    for (boolean dictionary : new boolean[] {true, false}) {
      Path file = dir.resolve("rows-" + dictionary + ".parquet");
      write(file, 3_000, dictionary, new SplittableRandom(dictionary ? 7 : 8));
      List<String> expected = viaGroups(file);
      List<String> actual = new ArrayList<>();
      ParquetExtractor.extract(Files.readAllBytes(file), s -> actual.add(describe(s)));
      assertThat(expected).hasSizeGreaterThan(30_000);
      assertThat(actual).as("dictionary %s", dictionary).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void dictionaryEntriesMarkedEmpty_areNotHandedOverAgain_andEveryOtherValueIs() throws Exception {
    Path file = dir.resolve("rows.parquet");
    write(file, 3_000, true, new SplittableRandom(9));
    List<String> expected = viaGroups(file);
    List<String> actual = new ArrayList<>();
    int[] repeated = new int[1];
    Set<String> marked = new HashSet<>();
    SegmentSink marking =
        new SegmentSink() {
          @Override
          public void accept(Segment s) {
            actual.add(describe(s));
          }

          @Override
          public void acceptRepeatedValue(
              String value,
              long recordIndex,
              Supplier<String> jsonPath,
              FieldContext field,
              KnownEmptyValues known,
              int id) {
            assertThat(known.field()).isSameAs(field);
            assertThat(known.contains(id)).isFalse();
            repeated[0]++;
            if (!value.equals("tag3")) {
              known.add(id); // as a sink that found nothing in it
              marked.add(field + " = " + value);
            }
            accept(Segment.whole(value, new Segment.RecordAt(recordIndex, jsonPath.get()), field));
          }
        };
    ParquetExtractor.extract(Files.readAllBytes(file), marking);

    assertThat(repeated[0]).isGreaterThan(3_000);
    // In order, what was handed over is parquet-mr's values less some repeats of marked entries.
    int j = 0;
    int skipped = 0;
    for (String value : expected) {
      if (j < actual.size() && actual.get(j).equals(value)) {
        j++;
      } else {
        assertThat(marked).as("a value left out: %s", value).contains(key(value));
        skipped++;
      }
    }
    assertThat(j).isEqualTo(actual.size());
    assertThat(skipped).isGreaterThan(3_000);
    // The entry never marked came every time.
    assertThat(actual.stream().filter(v -> v.endsWith("= tag3")).count())
        .isEqualTo(expected.stream().filter(v -> v.endsWith("= tag3")).count())
        .isPositive();
  }

  /** A described value without its record index and JSON path: its field context and text. */
  private static String key(String described) {
    return described.substring(described.indexOf(' ', described.indexOf(' ') + 1) + 1);
  }

  private static String describe(Segment s) {
    Segment.RecordAt at = (Segment.RecordAt) s.origin();
    return at.recordIndex() + " " + at.jsonPath() + " " + s.field() + " = " + s.text();
  }

  private static void write(Path file, int rows, boolean dictionary, SplittableRandom r)
      throws IOException {
    String[] statuses = {"paid", "open", "refunded", "void"};
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(SCHEMA)
            .withConf(new Configuration(false))
            .withDictionaryEncoding(dictionary)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withPageSize(4096)
            .withRowGroupSize(64L << 10)
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        g.append("id", r.nextLong(1_000_000_000L));
        if (r.nextBoolean()) {
          g.append("age", r.nextInt(100));
        }
        if (r.nextBoolean()) {
          g.append("score", (float) r.nextDouble());
        }
        g.append("amount", r.nextInt(100_000) / 100.0);
        g.append("active", r.nextBoolean());
        if (r.nextInt(4) == 0) {
          g.append("seen", new NanoTime(r.nextInt(2_460_000), r.nextLong(86_400_000_000_000L)));
        }
        if (r.nextBoolean()) {
          g.append("code", Binary.fromString(String.format("%04d", r.nextInt(10_000))));
        }
        g.append("status", statuses[r.nextInt(statuses.length)]);
        if (r.nextInt(3) == 0) {
          g.append("note", r.nextBoolean() ? "" : "call 555-01" + r.nextInt(100));
        }
        for (int t = r.nextInt(4); t > 0; t--) {
          g.append("tags", "tag" + r.nextInt(6));
        }
        for (int t = r.nextInt(3); t > 0; t--) {
          g.append("flags", r.nextBoolean());
        }
        if (r.nextInt(3) > 0) {
          Group c = g.addGroup("customer").append("ssn", String.format("%09d", r.nextInt()));
          for (int p = r.nextInt(3); p > 0; p--) {
            Group phone = c.addGroup("phones").append("number", "+1 202 555 0" + r.nextInt(1000));
            if (r.nextBoolean()) {
              phone.append("kind", r.nextInt(3));
            }
          }
          if (r.nextBoolean()) {
            Group a = c.addGroup("address");
            if (r.nextBoolean()) {
              a.append("street", r.nextInt(999) + " Elm Street");
            }
          }
        }
        for (int k = r.nextInt(3); k > 0; k--) {
          Group item = g.addGroup("items").append("sku", r.nextLong(100_000));
          for (int n = r.nextInt(3); n > 0; n--) {
            item.append("names", "item " + r.nextInt(50));
          }
        }
        writer.write(g);
      }
    }
  }

  /** Each value as parquet-mr's Group records give it, walked in field order. */
  private static List<String> viaGroups(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (ParquetReader<Group> reader =
        new ParquetReader.Builder<Group>(new LocalInputFile(file)) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
          }
        }.build()) {
      long index = 0;
      Group group;
      JsonPathNode root = JsonPathNode.root();
      while ((group = reader.read()) != null) {
        walk(group, index++, root, out);
      }
    }
    return out;
  }

  private static void walk(Group group, long record, JsonPathNode path, List<String> out) {
    GroupType type = group.getType();
    for (int field = 0; field < type.getFieldCount(); field++) {
      Type fieldType = type.getType(field);
      boolean repeated = fieldType.isRepetition(Type.Repetition.REPEATED);
      JsonPathNode named = path.child(fieldType.getName());
      for (int i = 0; i < group.getFieldRepetitionCount(field); i++) {
        JsonPathNode at = repeated ? named.child(i) : named;
        if (!fieldType.isPrimitive()) {
          walk(group.getGroup(field, i), record, at, out);
        } else if (fieldType.asPrimitiveType().getPrimitiveTypeName()
            != PrimitiveType.PrimitiveTypeName.BOOLEAN) {
          String text = group.getValueToString(field, i);
          if (!text.isEmpty()) {
            out.add(record + " " + at.jsonPath() + " " + at.field() + " = " + text);
          }
        }
      }
    }
  }
}
