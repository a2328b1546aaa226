package dev.assay.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.GroupType;
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
    try (ParquetReader<Group> reader =
        new ParquetReader.Builder<Group>(file) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
          }
        }.build()) {
      long index = 0;
      Group group;
      JsonPathNode root = JsonPathNode.root();
      while ((group = reader.read()) != null) {
        walk(group, index++, root, sink);
      }
    } catch (IOException | RuntimeException e) {
      throw Extraction.unparsable("Parquet", e);
    }
  }

  private static void walk(Group group, long record, JsonPathNode path, SegmentSink sink) {
    GroupType type = group.getType();
    for (int field = 0; field < type.getFieldCount(); field++) {
      Type fieldType = type.getType(field);
      int count = group.getFieldRepetitionCount(field);
      boolean repeated = fieldType.isRepetition(Type.Repetition.REPEATED);
      JsonPathNode named = path.child(fieldType.getName());
      for (int i = 0; i < count; i++) {
        JsonPathNode at = repeated ? named.child(i) : named;
        if (fieldType.isPrimitive()) {
          if (fieldType.asPrimitiveType().getPrimitiveTypeName()
              != PrimitiveType.PrimitiveTypeName.BOOLEAN) {
            String text = group.getValueToString(field, i);
            if (!text.isEmpty()) {
              sink.accept(
                  Segment.whole(text, new Segment.RecordAt(record, at.jsonPath()), at.field()));
            }
          }
        } else {
          walk(group.getGroup(field, i), record, at, sink);
        }
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
