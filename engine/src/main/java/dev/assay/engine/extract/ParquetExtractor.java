package dev.assay.engine.extract;

import dev.assay.identifiers.FieldContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file record by record with parquet-hadoop (Tika detects Parquet but extracts
 * nothing from it) and emits every primitive value but booleans with its 0-based record index and
 * JSON path (Macie's Occurrences structures: {@code records}), in {@link JsonExtractor#jsonPath}'s
 * form; a repeated field's values are indexed ({@code $.tags[1]}). Field names along the path are
 * the value's field context.
 *
 * <p>Parquet's footer is at its end, so the file is read from memory (the caller bounds its size).
 * Stateless.
 */
final class ParquetExtractor {
  private ParquetExtractor() {}

  static void extract(byte[] parquet, SegmentSink sink) throws IOException, ExtractionException {
    InputFile file = new BytesInputFile(parquet);
    Values values = new Values(sink);
    try (ParquetReader<Object> reader =
        // Without Hadoop's default resources: parquet-mr's builder would otherwise parse
        // core-default.xml for every file, a few tens of ms of XML and its JIT work, for defaults
        // that parquet-mr's own code supplies anyway.
        new ParquetReader.Builder<Object>(
            file, new HadoopParquetConfiguration(new Configuration(false))) {
          @Override
          protected ReadSupport<Object> getReadSupport() {
            return values;
          }
        }.build()) {
      while (reader.read() != null) {
        // each value went to the sink as the record was read
      }
    } catch (IOException | RuntimeException e) {
      throw Extraction.unparsable("Parquet", e);
    }
  }

  /**
   * Hands each value to the sink as parquet-mr reads it, in the order of the fields, without
   * assembling records: building a record object of boxed values for every row cost more than a
   * quarter of a Parquet scan. A dictionary-encoded column's strings are decoded once per
   * dictionary, not once per value.
   */
  private static final class Values extends ReadSupport<Object> {
    private final SegmentSink sink;
    private long record = -1;

    Values(SegmentSink sink) {
      this.sink = sink;
    }

    @Override
    public ReadContext init(InitContext context) {
      return new ReadContext(context.getFileSchema());
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in ReadSupport: it must be there
    public RecordMaterializer<Object> prepareForRead(
        Configuration configuration,
        Map<String, String> metadata,
        MessageType schema,
        ReadContext context) {
      return materializer(context.getRequestedSchema());
    }

    @Override
    public RecordMaterializer<Object> prepareForRead(
        ParquetConfiguration configuration,
        Map<String, String> metadata,
        MessageType schema,
        ReadContext context) {
      return materializer(context.getRequestedSchema());
    }

    private RecordMaterializer<Object> materializer(MessageType schema) {
      GroupValues root = new GroupValues(schema, null, -1);
      root.path = JsonPathNode.root();
      return new RecordMaterializer<>() {
        @Override
        public Object getCurrentRecord() {
          return Boolean.TRUE; // null would tell parquet-mr the record was filtered out
        }

        @Override
        public GroupConverter getRootConverter() {
          return root;
        }
      };
    }

    /** A group's converter: knows its path in the current record, and counts repeated fields. */
    private final class GroupValues extends GroupConverter {
      private final GroupValues parent;
      private final int field; // in the parent
      private final String name;
      private final boolean repeated;
      private final Converter[] children;
      private final int[] counts; // values of each field so far in this group
      // Each field's node under path, looked up once per path, not once per value: in a flat
      // schema the path is always the root, and a lookup per value costs a tenth of the scan.
      private final JsonPathNode[] named;
      JsonPathNode path;

      GroupValues(GroupType type, GroupValues parent, int field) {
        this.parent = parent;
        this.field = field;
        this.name = type.getName();
        this.repeated = type.isRepetition(Type.Repetition.REPEATED);
        this.children = new Converter[type.getFieldCount()];
        this.counts = new int[children.length];
        this.named = new JsonPathNode[children.length];
        for (int i = 0; i < children.length; i++) {
          Type child = type.getType(i);
          children[i] =
              child.isPrimitive()
                  ? new PrimitiveValues(child.asPrimitiveType(), this, i)
                  : new GroupValues(child.asGroupType(), this, i);
        }
      }

      /** The path of field {@code i}'s next value in this group (an index when it repeats). */
      JsonPathNode next(int i, String childName, boolean childRepeated) {
        JsonPathNode node = named[i];
        if (node == null) {
          node = path.child(childName);
          named[i] = node;
        }
        return childRepeated ? node.child(counts[i]++) : node;
      }

      @Override
      public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
      }

      @Override
      public void start() {
        if (parent == null) {
          record++;
        } else {
          JsonPathNode at = parent.next(field, name, repeated);
          if (at != path) {
            path = at;
            Arrays.fill(named, null);
          }
        }
        Arrays.fill(counts, 0);
      }

      @Override
      public void end() {}
    }

    /** A primitive column's converter: every value but a boolean becomes a segment. */
    private final class PrimitiveValues extends PrimitiveConverter {
      private final GroupValues parent;
      private final int field;
      private final String name;
      private final boolean repeated;
      private final PrimitiveType.PrimitiveTypeName type;
      private String[] dictionary;
      private KnownEmptyValues knownEmpty; // of the dictionary's entries, bound on first use

      PrimitiveValues(PrimitiveType type, GroupValues parent, int field) {
        this.parent = parent;
        this.field = field;
        this.name = type.getName();
        this.repeated = type.isRepetition(Type.Repetition.REPEATED);
        this.type = type.getPrimitiveTypeName();
      }

      private void emit(String text) {
        emit(parent.next(field, name, repeated), text);
      }

      private void emit(JsonPathNode at, String text) {
        if (!text.isEmpty()) {
          sink.acceptRecordValue(text, record, at, at.field());
        }
      }

      private String text(Binary value) {
        // As parquet-mr's example records print their values: INT96 wrapped, other bytes as UTF-8.
        return type == PrimitiveType.PrimitiveTypeName.INT96
            ? "Int96Value{" + value + "}"
            : value.toStringUsingUTF8();
      }

      @Override
      public boolean hasDictionarySupport() {
        return true;
      }

      @Override
      public void setDictionary(Dictionary values) {
        String[] texts = new String[values.getMaxId() + 1];
        for (int id = 0; id < texts.length; id++) {
          texts[id] = dictionaryText(values, id);
        }
        dictionary = texts;
        knownEmpty = null;
      }

      private String dictionaryText(Dictionary values, int id) {
        return switch (type) {
          case INT32 -> String.valueOf(values.decodeToInt(id));
          case INT64 -> String.valueOf(values.decodeToLong(id));
          case FLOAT -> String.valueOf(values.decodeToFloat(id));
          case DOUBLE -> String.valueOf(values.decodeToDouble(id));
          case BOOLEAN -> null;
          case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> text(values.decodeToBinary(id));
        };
      }

      @Override
      public void addValueFromDictionary(int dictionaryId) {
        String text = dictionary[dictionaryId];
        JsonPathNode at = parent.next(field, name, repeated);
        if (text == null) {
          return;
        }
        // Most of a column's values repeat dictionary entries the sink has found empty under the
        // same field context (7 in 10 in the realistic corpus's Parquet): skipped, they cost no
        // copy into a batch and no keyword pass.
        FieldContext context = at.field();
        KnownEmptyValues known = knownEmpty;
        if (known == null) {
          known = new KnownEmptyValues(context, dictionary.length);
          knownEmpty = known;
        }
        if (known.field() != context) {
          emit(at, text);
        } else if (!known.contains(dictionaryId) && !text.isEmpty()) {
          sink.acceptRepeatedValue(text, record, at, context, known, dictionaryId);
        }
      }

      @Override
      public void addBinary(Binary value) {
        emit(text(value));
      }

      @Override
      public void addBoolean(boolean value) {
        parent.next(field, name, repeated); // not text: not scanned, but it keeps its index
      }

      @Override
      public void addDouble(double value) {
        emit(String.valueOf(value));
      }

      @Override
      public void addFloat(float value) {
        emit(String.valueOf(value));
      }

      @Override
      public void addInt(int value) {
        emit(String.valueOf(value));
      }

      @Override
      public void addLong(long value) {
        emit(String.valueOf(value));
      }
    }
  }

  /** A Parquet {@link InputFile} over bytes in memory. */
  private static final class BytesInputFile implements InputFile {
    private final byte[] bytes;

    BytesInputFile(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      Positioned in = new Positioned(bytes);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return in.position();
        }

        @Override
        public void seek(long newPos) {
          in.seek(newPos);
        }
      };
    }
  }

  /** A ByteArrayInputStream that tells and sets its position. */
  private static final class Positioned extends ByteArrayInputStream {
    Positioned(byte[] bytes) {
      super(bytes);
    }

    synchronized long position() {
      return pos;
    }

    synchronized void seek(long position) {
      pos = (int) Math.min(position, count);
    }
  }
}
